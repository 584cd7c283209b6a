package dev.klingeffects.client;

/** Clients for the tests: pointed at a scripted server, with fake timing. */
final class Clients {

    static final String KEY = "sk-test-secret-key-123";

    private Clients() {}

    static KlingEffectsClient.Builder against(ScriptedServer server, Timing timing) {
        return KlingEffectsClient.builder().baseUrl(server.baseUrl()).apiKey(KEY).timing(timing);
    }
}
