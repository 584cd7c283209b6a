package dev.klingeffects.mock.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** What differs between the target's answer and the mock's for one case. */
final class Comparison {

    /** Of the compared headers, those whose values differ by nature (counters, clocks): only presence counts. */
    private static final Set<String> PRESENCE_ONLY = Exchange.COMPARED_HEADERS.stream()
            .filter(name -> !name.equals("content-type")).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private Comparison() {}

    /**
     * @param successSchema the spec's schema of a 200 answer to this case's operation, or null
     * @param errorSchema   the spec's error schema
     * @return the differences, one sentence each; empty when the answers agree
     */
    static List<String> differences(Exchange target, Exchange mock, ShapeCheck shapes, JsonNode successSchema,
                                    JsonNode errorSchema) {
        List<String> differences = new ArrayList<>();
        if (target.error() != null) {
            differences.add("the target gave no answer: " + target.error());
            return differences;
        }
        if (target.status() != mock.status()) {
            differences.add("status: target " + target.status() + ", mock " + mock.status());
        }
        if (!target.mediaType().equals(mock.mediaType())) {
            differences.add("Content-Type: target " + target.mediaType() + ", mock " + mock.mediaType());
        }
        Set<String> targetHeaders = present(target);
        Set<String> mockHeaders = present(mock);
        if (!targetHeaders.equals(mockHeaders)) {
            differences.add("headers sent: target " + targetHeaders + ", mock " + mockHeaders);
        }
        JsonNode targetBody = target.json();
        JsonNode mockBody = mock.json();
        if (targetBody == null) {
            differences.add("the target's body is not JSON");
            return differences;
        }
        boolean targetError = targetBody.path("code").asInt(-1) != 0;
        if (targetError) {
            shapes.problems(targetBody, errorSchema).forEach(problem -> differences.add("target error body: " + problem));
            if (mockBody != null && !Objects.equals(targetBody.path("code"), mockBody.path("code"))) {
                differences.add("code: target " + targetBody.path("code") + ", mock " + mockBody.path("code"));
            }
            if (mockBody != null && !Objects.equals(targetBody.path("message"), mockBody.path("message"))) {
                differences.add("message: target " + targetBody.path("message") + ", mock " + mockBody.path("message"));
            }
        } else if (successSchema != null) {
            shapes.problems(targetBody, successSchema).forEach(problem -> differences.add("target body vs spec: " + problem));
        }
        return differences;
    }

    private static Set<String> present(Exchange exchange) {
        Set<String> names = new TreeSet<>();
        exchange.headers().keySet().stream().filter(PRESENCE_ONLY::contains).forEach(names::add);
        return names;
    }
}
