package dev.klingeffects.contracttests.support;

import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * How each provider state of the pact is built on the mock, through its admin API only. The one
 * place both verifiers (pact-jvm's {@code @State} methods and the Rust verifier's state-change
 * calls) take their states from, so the two can never set up different worlds.
 */
public final class ProviderStates {

    private static final Map<String, Consumer<InProcessMock>> STATES = Map.of(
            Contract.NO_TASKS, mock -> mock.reset(),
            Contract.TASK_PENDING, mock -> withTask1(mock, "pending", null),
            Contract.TASK_PROCESSING, mock -> withTask1(mock, "processing", null),
            Contract.TASK_SUCCEEDED, mock -> withTask1(mock, "success", null),
            Contract.TASK_FAILED, mock -> withTask1(mock, "failed", "Failure to pass the risk control system"),
            Contract.CONCURRENT_LIMIT_REACHED, ProviderStates::concurrentLimitReached);

    private ProviderStates() {}

    /** @return every state name this provider can build */
    public static Set<String> names() {
        return STATES.keySet();
    }

    /**
     * Builds a state on the mock.
     *
     * @throws IllegalArgumentException for a state no consumer test should use
     */
    public static void apply(String state, InProcessMock mock) {
        Consumer<InProcessMock> setup = STATES.get(state);
        if (setup == null) {
            throw new IllegalArgumentException("unknown provider state '" + state + "'; known: " + names());
        }
        setup.accept(mock);
    }

    private static void withTask1(InProcessMock mock, String status, String errorMessage) {
        mock.reset();
        mock.createTask("task-1", Contract.VALID_KEY, status, errorMessage);
    }

    private static void concurrentLimitReached(InProcessMock mock) {
        mock.reset();
        for (int i = 1; i <= 3; i++) {
            mock.createTask("task-busy-" + i, Contract.VALID_KEY, null, null);
        }
    }
}
