package dev.klingeffects.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.mock.logging.ClientText;
import dev.klingeffects.mock.logging.RateLimitedLog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Lines a client can cause grow the log at a fixed rate, each of bounded length, whatever the client sends. */
class RateLimitedLogTest {

    private final List<String> lines = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private final RateLimitedLog log = new RateLimitedLog(lines::add, 10, nanos::get, "test lines");

    @Test
    void writesExactlyTheRateInOneSecond() {
        for (int i = 0; i < 10; i++) {
            log.write("line " + i);
        }

        assertThat(lines).hasSize(10);
        assertThat(log.admit()).isFalse();
        assertThat(lines).hasSize(10);
    }

    @Test
    void saysHowManyLinesItSuppressedWithTheFirstLineOfALaterSecond() {
        for (int i = 0; i < 1_000; i++) {
            log.write("line " + i);
        }
        nanos.addAndGet(3_000_000_000L);

        log.write("later");

        assertThat(lines).hasSize(12).endsWith("990 lines of test lines suppressed (more than 10 a second)", "later");
    }

    @Test
    void startsEverySecondAfresh() {
        for (int second = 0; second < 3; second++) {
            for (int i = 0; i < 15; i++) {
                log.write("line");
            }
            nanos.addAndGet(1_000_000_000L);
        }

        assertThat(lines).filteredOn("line"::equals).hasSize(30);
        assertThat(lines).filteredOn(line -> line.startsWith("5 lines")).hasSize(2);
    }

    @Test
    void keepsClientTextOfExactlyTheBoundWhole() {
        String text = "p".repeat(ClientText.MAX_CHARS);

        assertThat(ClientText.clip(text)).isEqualTo(text);
    }

    @Test
    void cutsClientTextOneCharacterOverTheBoundAndSaysHowLongItWas() {
        assertThat(ClientText.clip("p".repeat(ClientText.MAX_CHARS + 1)))
                .isEqualTo("p".repeat(ClientText.MAX_CHARS) + "...(121 chars)");
    }

    @Test
    void escapesLineBreaksControlAndNonAsciiCharactersSoALineStaysOneLine() {
        assertThat(ClientText.clip("/a\r\nINFO forged\u0000\u001b[31m\\é")).isEqualTo(
                "/a\\u000d\\u000aINFO forged\\u0000\\u001b[31m\\u005c\\u00e9");
    }

    @Test
    void boundsEscapedTextToo() {
        assertThat(ClientText.clip("\n".repeat(60_000)).length()).isLessThanOrEqualTo(ClientText.MAX_CHARS + 6 + 20);
    }
}
