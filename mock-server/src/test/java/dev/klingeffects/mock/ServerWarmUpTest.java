package dev.klingeffects.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The start-up's head start on the server libraries leaves nothing running behind it. */
class ServerWarmUpTest {

    @Test
    void theWarmUpLeavesNoThreadBehind() {
        Set<Thread> before = Thread.getAllStackTraces().keySet();

        ServerWarmUp.run();

        // A Javalin that is created and never started keeps a thread that tells the log so five seconds later.
        assertThat(Thread.getAllStackTraces().keySet()).allMatch(thread -> before.contains(thread) || !thread.isAlive(),
                "no thread but those before the warm-up");
    }
}
