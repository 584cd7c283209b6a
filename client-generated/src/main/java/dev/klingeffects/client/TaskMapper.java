package dev.klingeffects.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.klingeffects.client.generated.model.Resource;
import dev.klingeffects.client.generated.model.SubmitTaskResponse;
import dev.klingeffects.client.generated.model.Task;
import dev.klingeffects.client.generated.model.TaskResponse;
import dev.klingeffects.contract.ContractError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads a successful answer into the generated models, then into the facade's records. */
final class TaskMapper {

    private static final ObjectMapper JSON = JacksonSupport.newMapper();
    private static final ObjectReader SUBMIT = JSON.readerFor(SubmitTaskResponse.class);
    private static final ObjectReader POLL = JSON.readerFor(TaskResponse.class);

    private final Redaction redaction;

    TaskMapper(Redaction redaction) {
        this.redaction = redaction;
    }

    SubmittedTask submitted(Answer answer) {
        SubmitTaskResponse response = read(answer, SUBMIT, "submit");
        apiErrorIn(response.getCode(), response.getMessage(), answer, true);
        var data = response.getData();
        if (data == null || data.getTaskId() == null || data.getTaskId().isEmpty()) {
            throw unreadable("the submit's answer has no data.task_id", answer, null);
        }
        return new SubmittedTask(data.getTaskId(), TaskStatus.fromWire(wire(data.getStatus())), data.getModelId(),
                data.getGetResult() == null || data.getGetResult().getUrl() == null ? null : data.getGetResult().getUrl().toString());
    }

    /** @param asked the task polled: an answer about any other is not an answer to this poll */
    EffectTask task(Answer answer, String asked) {
        TaskResponse response = read(answer, POLL, "poll");
        apiErrorIn(response.getCode(), response.getMessage(), answer, false);
        Task data = response.getData();
        if (data == null || data.getTaskId() == null) {
            throw unreadable("the poll's answer has no data.task_id", answer, null);
        }
        if (!data.getTaskId().equals(asked)) {
            // Another task's answer (a caching proxy, a server bug) must never pass for this one; nor its URLs
            // reach the caller, so no excerpt of the body.
            throw new ModellixResponseFormatException("The API's answer is not in its format: the poll of task " + asked
                    + " was answered about another task", "", null);
        }
        List<VideoResource> resources = new ArrayList<>();
        if (data.getResult() != null && data.getResult().getResources() != null) {
            for (Resource resource : data.getResult().getResources()) {
                if (resource == null) {
                    throw unreadable("a resource of the result is null", answer, null);
                }
                resources.add(new VideoResource(resource.getUrl() == null ? null : resource.getUrl().toString(), resource.getType(),
                        resource.getWidth(), resource.getHeight(), resource.getFormat(), resource.getRole()));
            }
        }
        // Every text the server chose ends up in some exception's message: none may carry the key.
        String raw = redaction.redact(rawStatus(data, answer));
        return new EffectTask(data.getTaskId(), TaskStatus.fromWire(raw), raw, data.getModelId(),
                data.getDuration() == null ? null : Duration.ofMillis(data.getDuration()), resources,
                data.getResultExpiresAt() == null ? null : Instant.ofEpochMilli(data.getResultExpiresAt()),
                redaction.redact(data.getErrorMessage()));
    }

    /**
     * One pass from the text to the model for an answer that opens as an object (every answer the API gives);
     * anything else goes through the tree first, so that it fails as "not a JSON object" or with the parser's
     * own word. Two passes (a tree, then the model from it) doubled the cost of every read.
     */
    private <T> T read(Answer answer, ObjectReader reader, String what) {
        String body = answer.body();
        if (body.isBlank()) {
            throw unreadable("the " + what + " was answered with an empty body", answer, null);
        }
        try {
            if (body.strip().startsWith("{")) {
                T model = reader.readValue(body);
                if (model != null) {
                    return model;
                }
            }
            JsonNode tree = JSON.readTree(body);
            if (tree == null || !tree.isObject()) {
                throw unreadable("the " + what + "'s answer is not a JSON object", answer, null);
            }
            return reader.readValue(tree);
        } catch (JsonProcessingException e) {
            throw unreadable(redaction.redact(e.getOriginalMessage()), answer, e);
        } catch (java.io.IOException e) {
            throw unreadable(redaction.redact(e.getMessage()), answer, e); // not thrown when reading from a String or a tree
        }
    }

    /**
     * The status as the server spelled it, null when it sent no text. The generated enum turns a status added
     * upstream later into its placeholder: only then is the answer read again, as a tree, for its text.
     */
    private String rawStatus(Task data, Answer answer) {
        var status = data.getStatus();
        if (status != null && status != dev.klingeffects.client.generated.model.TaskStatus.UNKNOWN_DEFAULT_OPEN_API) {
            return status.getValue();
        }
        try {
            JsonNode node = JSON.readTree(answer.body()).path("data").path("status");
            return node.isTextual() ? node.asText() : null;
        } catch (JsonProcessingException e) {
            throw unreadable(redaction.redact(e.getOriginalMessage()), answer, e); // it was read once already
        }
    }

    /** {@code "code" != 0} on an HTTP 200 is an error of the API all the same. */
    private void apiErrorIn(Integer code, String message, Answer answer, boolean submit) {
        if (code != null && code != 0) {
            throw ErrorTranslator.typed(ContractError.parse(code, message == null ? "" : redaction.redact(message)),
                    answer.headers().map(), submit);
        }
    }

    private ModellixResponseFormatException unreadable(String what, Answer answer, Throwable cause) {
        String body = redaction.redact(answer.body());
        return new ModellixResponseFormatException("The API's answer is not in its format: " + what,
                body.length() > 200 ? body.substring(0, 200) + "…" : body, cause);
    }

    private static String wire(dev.klingeffects.client.generated.model.TaskStatus status) {
        return status == null || status == dev.klingeffects.client.generated.model.TaskStatus.UNKNOWN_DEFAULT_OPEN_API
                ? null : status.getValue();
    }
}
