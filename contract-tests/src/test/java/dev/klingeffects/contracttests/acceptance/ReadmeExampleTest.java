package dev.klingeffects.contracttests.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.contracttests.support.InProcessMock;
import dev.klingeffects.contracttests.support.ReadmeBlocks;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's client example compiles and prints a video URL against the mock, so it cannot rot. */
class ReadmeExampleTest {

    @TempDir
    Path dir;

    @Test
    void readmeExampleSubmitsWaitsAndPrintsTheVideoUrl() throws Exception {
        String example = ReadmeBlocks.java("readme-example");
        assertThat(example.lines().filter(line -> !line.isBlank() && !line.startsWith("import"))).hasSizeLessThan(15);

        try (InProcessMock mock = InProcessMock.start("--pending-ms", "0", "--processing-ms", "0")) {
            ReadmeBlocks.compile(example.replace("http://localhost:8080", mock.baseUrl()), "QuickStart", dir);

            String printed = runMain(dir);

            assertThat(printed.strip()).matches(Pattern.quote(mock.baseUrl()) + "/files/task-[0-9a-f]+\\.[0-9a-f]{32}\\.mp4");
        }
    }

    private static String runMain(Path classes) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ReadmeExampleTest.class.getClassLoader())) {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            loader.loadClass("QuickStart").getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
