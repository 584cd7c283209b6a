package dev.klingeffects.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every named example in the spec is valid against the schema it illustrates. */
class SpecExamplesTest {

    private static final OpenAPI SPEC = SpecFiles.resolvedSpec();
    private static final OpenApiInteractionValidator VALIDATOR =
            OpenApiInteractionValidator.createFor(SpecFiles.SPEC.toUri().toString()).build();

    static Stream<Arguments> responseExamples() {
        List<Arguments> cases = new ArrayList<>();
        SPEC.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                operation.getResponses().forEach((status, response) -> {
                    MediaType json = response.getContent().get("application/json");
                    assertThat(json.getExamples())
                            .as("named examples of %s %s", operation.getOperationId(), status)
                            .isNotEmpty();
                    json.getExamples().forEach((name, example) -> cases.add(Arguments.of(
                            operation.getOperationId() + " " + status + " " + name,
                            concretePath(path, operation), method, Integer.parseInt(status), example)));
                })));
        return cases.stream();
    }

    static Stream<Arguments> requestExamples() {
        List<Arguments> cases = new ArrayList<>();
        SPEC.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (operation.getRequestBody() == null) {
                return;
            }
            Map<String, Example> examples =
                    operation.getRequestBody().getContent().get("application/json").getExamples();
            examples.forEach((name, example) -> cases.add(Arguments.of(
                    operation.getOperationId() + " " + name, path, example)));
        }));
        assertThat(cases).extracting(arguments -> (String) arguments.get()[0])
                .contains("submitEffectTask singleImageUrl", "submitEffectTask singleImageBase64",
                        "submitEffectTask twoPerson", "submitEffectTask withDuration");
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responseExamples")
    void responseExampleMatchesItsSchema(String name, String path, PathItem.HttpMethod method, int status,
                                         Example example) throws Exception {
        var response = SimpleResponse.Builder.status(status)
                .withContentType("application/json")
                .withBody(Json.mapper().writeValueAsString(example.getValue()))
                .build();

        ValidationReport report = VALIDATOR.validateResponse(path, Request.Method.valueOf(method.name()), response);

        assertThat(report.getMessages()).as(name).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestExamples")
    void requestExampleMatchesItsSchema(String name, String path, Example example) throws Exception {
        var request = SimpleRequest.Builder.post(path)
                .withContentType("application/json")
                .withAuthorization("Bearer example-key")
                .withBody(Json.mapper().writeValueAsString(example.getValue()))
                .build();

        assertThat(VALIDATOR.validateRequest(request).getMessages()).as(name).isEmpty();
    }

    private static String concretePath(String template, Operation operation) {
        if (operation.getParameters() == null) {
            return template;
        }
        String path = template;
        for (var parameter : operation.getParameters()) {
            path = path.replace("{" + parameter.getName() + "}", String.valueOf(parameter.getExample()));
        }
        return path;
    }
}
