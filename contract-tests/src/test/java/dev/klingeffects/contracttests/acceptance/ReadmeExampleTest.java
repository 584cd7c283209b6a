package dev.klingeffects.contracttests.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.contracttests.support.ContractFiles;
import dev.klingeffects.contracttests.support.InProcessMock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's client example compiles and prints a video URL against the mock, so it cannot rot. */
class ReadmeExampleTest {

    private static final Pattern EXAMPLE = Pattern.compile("<!-- readme-example[^>]*-->\\s*```java\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void readmeExampleSubmitsWaitsAndPrintsTheVideoUrl() throws Exception {
        Matcher matcher = EXAMPLE.matcher(ContractFiles.read(ContractFiles.readme()));
        assertThat(matcher.find()).as("README has a block marked readme-example").isTrue();
        String example = matcher.group(1);
        assertThat(example.lines().filter(line -> !line.isBlank() && !line.startsWith("import"))).hasSizeLessThan(15);

        try (InProcessMock mock = InProcessMock.start("--pending-ms", "0", "--processing-ms", "0")) {
            Path source = dir.resolve("QuickStart.java");
            Files.writeString(source, example.replace("http://localhost:8080", mock.baseUrl()));
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            int compiled = javac.run(null, null, null, "-d", dir.toString(),
                    "-cp", System.getProperty("java.class.path"), source.toString());
            assertThat(compiled).as("the README example compiles").isZero();

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
