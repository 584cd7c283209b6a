package dev.klingeffects.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Clients built and closed leave no threads behind, even on Java 17 where an HttpClient cannot be closed. */
class ThreadsTest {

    @Test
    void clientsBuiltAndClosedLeaveNoSelectorThreadsBehind() {
        try (ScriptedServer server = new ScriptedServer().always(200, ScriptedServer.task("pending", ""))) {
            Clients.against(server, new FakeTiming()).build().getTask("task-1"); // the shared HttpClient exists now
            long before = selectorThreads();

            for (int i = 0; i < 50; i++) {
                try (KlingEffectsClient client = Clients.against(server, new FakeTiming()).build()) {
                    client.getTask("task-1");
                }
            }

            assertThat(selectorThreads()).isLessThanOrEqualTo(before);
        }
    }

    private static long selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().contains("SelectorManager")).count();
    }
}
