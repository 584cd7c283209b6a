package dev.klingeffects.contracttests.support;

import dev.klingeffects.mock.junit5.MockAdmin;
import dev.klingeffects.mock.junit5.MockTaskStatus;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * How each provider state of the pact is built on the mock, through its typed admin client only. The one
 * place both verifiers (pact-jvm's {@code @State} methods and the Rust verifier's state-change
 * calls) take their states from, so the two can never set up different worlds.
 */
public final class ProviderStates {

    private static final Map<String, Consumer<MockAdmin>> STATES = Map.of(
            Contract.NO_TASKS, mock -> mock.reset(),
            Contract.TASK_PENDING, mock -> withTask1(mock, MockTaskStatus.PENDING),
            Contract.TASK_PROCESSING, mock -> withTask1(mock, MockTaskStatus.PROCESSING),
            Contract.TASK_SUCCEEDED, mock -> withTask1(mock, MockTaskStatus.SUCCESS),
            Contract.TASK_FAILED, ProviderStates::task1Failed,
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
    public static void apply(String state, MockAdmin mock) {
        Consumer<MockAdmin> setup = STATES.get(state);
        if (setup == null) {
            throw new IllegalArgumentException("unknown provider state '" + state + "'; known: " + names());
        }
        setup.accept(mock);
    }

    private static void withTask1(MockAdmin mock, MockTaskStatus status) {
        mock.reset();
        mock.createTask("task-1", Contract.VALID_KEY, status);
    }

    private static void task1Failed(MockAdmin mock) {
        mock.reset();
        mock.createFailedTask("task-1", Contract.VALID_KEY, "Failure to pass the risk control system");
    }

    private static void concurrentLimitReached(MockAdmin mock) {
        mock.reset();
        for (int i = 1; i <= 3; i++) {
            mock.createTask("task-busy-" + i, Contract.VALID_KEY);
        }
    }
}
