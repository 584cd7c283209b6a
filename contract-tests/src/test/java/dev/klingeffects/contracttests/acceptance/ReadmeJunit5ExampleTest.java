package dev.klingeffects.contracttests.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.klingeffects.contracttests.support.ReadmeBlocks;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The README's JUnit 5 extension examples (the extension, the annotation, faults and verification) compile and
 * their tests pass, run as a downstream build would run them.
 */
class ReadmeJunit5ExampleTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "readme-junit5-example, EffectServiceTest",
        "readme-junit5-annotation-example, LionEffectTest",
        "readme-faults-example, EffectServiceFaultsTest"})
    void readmeExampleCompilesAndPasses(String block, String className) throws Exception {
        ReadmeBlocks.compile(ReadmeBlocks.java(block), className, dir);

        TestExecutionSummary summary = run(dir, className);

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
