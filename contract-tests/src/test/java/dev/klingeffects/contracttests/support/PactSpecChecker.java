package dev.klingeffects.contracttests.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Holds every interaction of the pact files to the spec: the request of each successful interaction
 * and the response of every interaction. A request that expects a 4xx breaks the spec on purpose, so
 * only its response is checked.
 */
public final class PactSpecChecker {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PactSpecChecker() {}

    /** One interaction of a pact file. */
    public record Interaction(String description, JsonNode request, JsonNode response) {
        /** @return the HTTP status it expects */
        public int status() {
            return response.path("status").asInt();
        }

        /** @return the request method */
        public String method() {
            return request.path("method").asText();
        }

        /** @return the request path */
        public String path() {
            return request.path("path").asText();
        }
    }

    /** @return every interaction of every pact file in the folder */
    public static List<Interaction> interactions(Path pactDir) {
        List<Interaction> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(pactDir)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode interaction : JSON.readTree(file.toFile()).path("interactions")) {
                    all.add(new Interaction(interaction.path("description").asText(), interaction.path("request"),
                            interaction.path("response")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read pacts in " + pactDir + " (did the consumer tests run?)", e);
        }
        return all;
    }

    /** @return one line per problem, naming the interaction; empty when all conform */
    public static List<String> problems(List<Interaction> interactions, OpenApiInteractionValidator validator) {
        List<String> problems = new ArrayList<>();
        for (Interaction interaction : interactions) {
            SimpleResponse response = response(interaction.response());
            ValidationReport report = interaction.status() / 100 == 2
                    ? validator.validate(request(interaction.request()), response)
                    : validator.validateResponse(interaction.path(), Request.Method.valueOf(interaction.method()), response);
            for (ValidationReport.Message message : report.getMessages()) {
                if (message.getLevel() == ValidationReport.Level.ERROR) {
                    problems.add("interaction '" + interaction.description() + "' (" + interaction.method() + " "
                            + interaction.path() + " → " + interaction.status() + "): " + message.getMessage());
                }
            }
        }
        return problems;
    }

    private static SimpleRequest request(JsonNode request) {
        var builder = new SimpleRequest.Builder(request.path("method").asText(), request.path("path").asText());
        request.path("headers").fields().forEachRemaining(header -> header.getValue()
                .forEach(value -> builder.withHeader(header.getKey(), value.asText())));
        request.path("query").fields().forEachRemaining(query -> query.getValue()
                .forEach(value -> builder.withQueryParam(query.getKey(), value.asText())));
        JsonNode body = request.path("body").path("content");
        if (!body.isMissingNode()) {
            builder.withBody(body.toString());
        }
        return builder.build();
    }

    private static SimpleResponse response(JsonNode response) {
        var builder = SimpleResponse.Builder.status(response.path("status").asInt());
        response.path("headers").fields().forEachRemaining(header -> header.getValue()
                .forEach(value -> builder.withHeader(header.getKey(), value.asText())));
        JsonNode body = response.path("body").path("content");
        if (!body.isMissingNode()) {
            builder.withBody(body.toString());
        }
        return builder.build();
    }
}
