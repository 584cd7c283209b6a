package dev.klingeffects.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the client puts on the wire for each request shape. */
class SubmitRequestTest {

    @TempDir
    Path dir;

    @Test
    void sendsASingleImageRequestWithTheKeyAndWithoutAnImagesField() {
        try (ScriptedServer server = new ScriptedServer().then(200, ScriptedServer.submitted())) {
            SubmittedTask task = Clients.against(server, new FakeTiming()).build()
                    .submit(EffectRequest.singleImage("pet_lion_pro", "https://example.com/cat.jpg"));

            var request = server.received().get(0);
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/api/v1/image-to-video/kling/kling-video-effects/async");
            assertThat(request.header("Authorization")).isEqualTo("Bearer " + Clients.KEY);
            assertThat(request.header("User-Agent")).isEqualTo("kling-effects-java-client");
            assertThat(request.body()).isEqualTo("{\"effect_scene\":\"pet_lion_pro\",\"image\":\"https://example.com/cat.jpg\"}");
            assertThat(task.taskId()).isEqualTo("task-1");
            assertThat(task.status()).isEqualTo(TaskStatus.PENDING);
            assertThat(task.pollUrl()).isEqualTo("http://x.test/api/v1/tasks/task-1");
        }
    }

    @Test
    void sendsATwoPersonRequestWithItsDuration() {
        try (ScriptedServer server = new ScriptedServer().then(200, ScriptedServer.submitted())) {
            Clients.against(server, new FakeTiming()).build().submit(
                    EffectRequest.twoPerson("hug_pro", "https://example.com/a.jpg", "https://example.com/b.jpg").withDuration(5));

            assertThat(server.received().get(0).body()).isEqualTo("{\"effect_scene\":\"hug_pro\","
                    + "\"images\":[\"https://example.com/a.jpg\",\"https://example.com/b.jpg\"],\"duration\":5}");
        }
    }

    @Test
    void encodesAFileAsBase64WithoutADataPrefix() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        Path file = Files.write(dir.resolve("cat.png"), png);
        try (ScriptedServer server = new ScriptedServer().then(200, ScriptedServer.submitted())) {
            Clients.against(server, new FakeTiming()).build()
                    .submit(EffectRequest.singleImage("pet_lion_pro", EffectImage.file(file)));

            assertThat(server.received().get(0).body()).contains("\"image\":\"" + Base64.getEncoder().encodeToString(png) + "\"");
        }
    }

    @Test
    void stripsADataPrefixFromGivenBase64() {
        try (ScriptedServer server = new ScriptedServer().then(200, ScriptedServer.submitted())) {
            Clients.against(server, new FakeTiming()).build()
                    .submit(EffectRequest.singleImage("pet_lion_pro", "data:image/png;base64,iVBORw0KGgo="));

            assertThat(server.received().get(0).body()).contains("\"image\":\"iVBORw0KGgo=\"");
        }
    }

    @Test
    void sendsDefaultHeadersSuchAsPreferForTheMock() {
        try (ScriptedServer server = new ScriptedServer().then(200, ScriptedServer.submitted())) {
            Clients.against(server, new FakeTiming()).defaultHeader("Prefer", "outcome=failed").build()
                    .submit(EffectRequest.singleImage("pet_lion_pro", "https://example.com/cat.jpg"));

            assertThat(server.received().get(0).header("Prefer")).isEqualTo("outcome=failed");
        }
    }
}
