package dev.klingeffects.contracttests.spec;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.sun.net.httpserver.HttpServer;
import dev.klingeffects.contracttests.support.Contract;
import dev.klingeffects.contracttests.support.ContractFiles;
import dev.klingeffects.contracttests.support.PactSpecChecker;
import dev.klingeffects.contracttests.support.CoverageRecorder;
import dev.klingeffects.contracttests.support.SpecCheckedHttp;
import dev.klingeffects.contracttests.support.SpecValidators;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The checks are not decoration: a drifted spec or a broken response turns them red. */
class GatesBiteTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void renamingAResponseFieldInTheSpecFailsThePactCheckAndNamesTheInteraction() throws Exception {
        ObjectNode spec = (ObjectNode) YAML.readTree(ContractFiles.spec().toFile());
        ObjectNode submitted = (ObjectNode) spec.at("/components/schemas/SubmittedTask");
        ObjectNode properties = (ObjectNode) submitted.get("properties");
        properties.set("taskId", properties.remove("task_id"));
        ((ArrayNode) submitted.get("required")).removeAll().add("status").add("taskId").add("model_id");

        var problems = PactSpecChecker.problems(PactSpecChecker.interactions(ContractFiles.pactDir()),
                SpecValidators.full(YAML.writeValueAsString(spec)));

        assertThat(problems).anySatisfy(problem -> assertThat(problem)
                .startsWith("interaction 'a single-image effect submit'").contains("taskId"));
    }

    @Test
    void aResponseMissingARequiredFieldIsRejectedByTheFilterAndByTheJdkClientCheck() throws Exception {
        HttpServer broken = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        broken.createContext("/", exchange -> {
            byte[] body = "{\"code\":0,\"message\":\"success\",\"data\":{\"status\":\"pending\",\"model_id\":\"kling-video-effects\"}}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        broken.start();
        try {
            String base = "http://127.0.0.1:" + broken.getAddress().getPort();
            var filter = new OpenApiValidationFilter(SpecValidators.responses());

            assertThatThrownBy(() -> given().filter(filter).baseUri(base)
                    .header("Authorization", "Bearer k").contentType("application/json")
                    .body("{\"effect_scene\": \"pet_lion_pro\", \"image\": \"https://example.com/a.jpg\"}")
                    .post(Contract.SUBMIT_PATH))
                    .isInstanceOf(OpenApiValidationFilter.OpenApiValidationException.class)
                    .hasMessageContaining("task_id");
            var http = new SpecCheckedHttp(base, new CoverageRecorder(GatesBiteTest.class));
            assertThatThrownBy(() -> http.postJson("k", Contract.SUBMIT_PATH,
                    "{\"effect_scene\": \"pet_lion_pro\", \"image\": \"https://example.com/a.jpg\"}"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("task_id");
        } finally {
            broken.stop(0);
        }
    }
}
