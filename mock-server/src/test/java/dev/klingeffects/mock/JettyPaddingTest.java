package dev.klingeffects.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The padding Jetty gets instead of asking JMX: as many references as fill a 64-byte cache line. */
class JettyPaddingTest {

    @Test
    void compressedReferencesFillACacheLineSixteenAtATime() {
        // The test JVM's heap is far under 32 GB and its collector keeps oops compressed.
        assertThat(Main.referencesPerCacheLine()).isEqualTo("16");
    }

    @Test
    void fullSizeReferencesAsUnderZgcOnJdk17FillItEightAtATime() throws Exception {
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-UseCompressedOops", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Probe.class.getName()).redirectErrorStream(true).start();

        assertThat(probe.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("8");
    }

    /** Run in a JVM of its own, with the references the test asks for. */
    static final class Probe {
        public static void main(String[] args) {
            System.out.print(Main.referencesPerCacheLine());
        }
    }
}
