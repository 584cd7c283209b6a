package dev.klingeffects.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** Catalog pre-checks fail fast with the status and message the server would give, without a call. */
class PreCheckTest {

    private static InvalidRequestException rejected(EffectRequest request, ScriptedServer server) {
        var client = Clients.against(server, new FakeTiming()).build();
        return catchThrowableOfType(InvalidRequestException.class, () -> client.submit(request));
    }

    @Test
    void rejectsAnUnknownEffectWithoutANetworkCall() {
        try (ScriptedServer server = new ScriptedServer()) {
            var thrown = rejected(EffectRequest.singleImage("hug", "https://example.com/a.jpg"), server);

            assertThat(thrown.httpStatus()).isEqualTo(400);
            assertThat(thrown.apiMessage()).isEqualTo(
                    "Invalid parameters: parameter 'effect_scene' must be a supported effect, got 'hug' (did you mean 'hug_pro'?)");
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void rejectsASingleImageForATwoPersonEffect() {
        try (ScriptedServer server = new ScriptedServer()) {
            var thrown = rejected(EffectRequest.singleImage("hug_pro", "https://example.com/a.jpg"), server);

            assertThat(thrown.apiMessage()).isEqualTo("Invalid parameters: effect 'hug_pro' takes 2 images in parameter 'images', not 'image'");
        }
    }

    @Test
    void rejectsTwoImagesForASingleImageEffect() {
        try (ScriptedServer server = new ScriptedServer()) {
            var thrown = rejected(EffectRequest.twoPerson("pet_lion_pro", "https://example.com/a.jpg", "https://example.com/b.jpg"), server);

            assertThat(thrown.apiMessage()).isEqualTo("Invalid parameters: effect 'pet_lion_pro' takes 1 image in parameter 'image', not 'images'");
        }
    }

    @Test
    void rejectsADurationTheEffectDoesNotSupport() {
        try (ScriptedServer server = new ScriptedServer()) {
            var thrown = rejected(EffectRequest.twoPerson("hug_pro", "https://example.com/a.jpg", "https://example.com/b.jpg")
                    .withDuration(10), server);

            assertThat(thrown.apiMessage()).isEqualTo("Value out of range: parameter 'duration' must be one of [5] for effect 'hug_pro', got 10");
        }
    }

    @Test
    void rejectsADurationOutsideTheSchemaEvenWithPreChecksOff() {
        try (ScriptedServer server = new ScriptedServer()) {
            var client = Clients.against(server, new FakeTiming()).preChecks(false).build();

            var thrown = catchThrowableOfType(InvalidRequestException.class,
                    () -> client.submit(EffectRequest.singleImage("cute_dance", "https://example.com/a.jpg").withDuration(7)));

            assertThat(thrown.apiMessage()).isEqualTo("Value out of range: parameter 'duration' must be one of [5, 10], got 7");
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void leavesTheVerdictToTheServerWhenSwitchedOff() {
        try (ScriptedServer server = new ScriptedServer().then(400, ScriptedServer.error(400,
                "Invalid parameters: parameter 'effect_scene' must be a supported effect, got 'brand_new'"))) {
            var client = Clients.against(server, new FakeTiming()).preChecks(false).build();

            var thrown = catchThrowableOfType(InvalidRequestException.class,
                    () -> client.submit(EffectRequest.singleImage("brand_new", "https://example.com/a.jpg")));

            assertThat(server.received()).hasSize(1);
            assertThat(thrown.detail()).isEqualTo("parameter 'effect_scene' must be a supported effect, got 'brand_new'");
        }
    }
}
