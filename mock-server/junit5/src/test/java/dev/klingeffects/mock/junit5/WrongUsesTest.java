package dev.klingeffects.mock.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Uses of the extension that cannot work are refused with what to do instead; the right form beside each works. */
class WrongUsesTest {

    @KlingEffectsMockTest
    @Execution(ExecutionMode.CONCURRENT)
    static class SharedMockConcurrently {
        @RepeatedTest(4)
        void submits(MockAdmin admin) {
            admin.requests().assertSubmits(0);
        }
    }

    @Execution(ExecutionMode.CONCURRENT)
    static class OwnMockConcurrently {
        @RegisterExtension
        KlingEffectsMockExtension mock = KlingEffectsMockExtension.create();

        @RepeatedTest(4)
        void submits() {
            mock.requests().assertSubmits(0);
        }
    }

    @KlingEffectsMockTest
    static class BaseUrlAsANumber {
        @Test
        void port(@KlingEffectsMockBaseUrl int port) {
            assertThat(port).isPositive();
        }
    }

    private static TestExecutionSummary runInParallel(Class<?> testClass) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true").build(), listener);
        return listener.getSummary();
    }

    @Test
    void aSharedMockIsRefusedWithWhatToDoInstead() {
        TestExecutionSummary summary = runInParallel(SharedMockConcurrently.class);

        List<String> messages = summary.getFailures().stream().map(failure -> failure.getException().getMessage()).toList();
        assertThat(messages).hasSize(4).allSatisfy(message -> assertThat(message)
                .contains("shared by the tests of SharedMockConcurrently", "cannot run concurrently",
                        "@RegisterExtension", "ExecutionMode.SAME_THREAD"));
    }

    @Test
    void aMockPerTestRunsConcurrently() {
        TestExecutionSummary summary = runInParallel(OwnMockConcurrently.class);

        assertThat(summary.getFailures()).isEmpty();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(4);
    }

    @Test
    void aBaseUrlParameterThatIsNotAStringSaysWhatItGives() {
        TestExecutionSummary summary = runInParallel(BaseUrlAsANumber.class);

        assertThat(summary.getFailures()).singleElement().extracting(failure -> failure.getException().getMessage())
                .asString().contains("@KlingEffectsMockBaseUrl gives the mock's base URL as a String", "port() takes it as int");
    }
}
