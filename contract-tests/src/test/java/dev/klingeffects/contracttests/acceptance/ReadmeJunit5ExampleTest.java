package dev.klingeffects.contracttests.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.klingeffects.contracttests.support.ContractFiles;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** The README's JUnit 5 extension example compiles and its test passes, run as a downstream build would run it. */
class ReadmeJunit5ExampleTest {

    private static final Pattern EXAMPLE = Pattern.compile("<!-- readme-junit5-example[^>]*-->\\s*```java\\n(.*?)```",
            Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void readmeExtensionExampleCompilesAndPasses() throws Exception {
        Matcher matcher = EXAMPLE.matcher(ContractFiles.read(ContractFiles.readme()));
        assertThat(matcher.find()).as("README has a block marked readme-junit5-example").isTrue();
        Path source = dir.resolve("EffectServiceTest.java");
        Files.writeString(source, matcher.group(1));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int compiled = javac.run(null, null, null, "-d", dir.toString(), "-cp", System.getProperty("java.class.path"),
                source.toString());
        assertThat(compiled).as("the README example compiles").isZero();

        TestExecutionSummary summary = run(dir, "EffectServiceTest");

        assertThat(summary.getFailures()).as("failures of the README example").isEmpty();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
    }

    private static TestExecutionSummary run(Path classes, String className) throws Exception {
        ClassLoader original = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, original)) {
            Thread.currentThread().setContextClassLoader(loader);
            Launcher launcher = LauncherFactory.create();
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            launcher.execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(loader.loadClass(className))).build(), listener);
            return listener.getSummary();
        } finally {
            Thread.currentThread().setContextClassLoader(original);
        }
    }
}
