package dev.klingeffects.contracttests.provider;

import au.com.dius.pact.provider.IHttpClientFactory;
import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.klingeffects.contracttests.support.Contract;
import dev.klingeffects.contracttests.support.InProcessMock;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Replays every interaction the client relies on against the real mock server. Provider states are
 * set up through the mock's admin API, never by faking a response.
 */
@Provider(Contract.PROVIDER)
@PactFolder("target/pacts")
class MockServerProviderPactTest {

    private static InProcessMock mock;

    @BeforeAll
    static void start() {
        mock = InProcessMock.start(Contract.PROVIDER_FLAGS);
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    @BeforeEach
    void target(PactVerificationContext context) {
        // HttpClient 5 would silently honour Retry-After on 429 and 503 and send the request again:
        // the verification must see exactly the one answer the mock gave.
        IHttpClientFactory noRetries = provider -> HttpClients.custom().disableAutomaticRetries().build();
        context.setTarget(new HttpTestTarget("127.0.0.1", mock.port(), "/", () -> noRetries));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void honoursTheInteraction(PactVerificationContext context) {
        context.verifyInteraction();
    }

    @State(Contract.NO_TASKS)
    void noTasks() {
        mock.reset();
    }

    @State(Contract.TASK_PENDING)
    void taskPending() {
        mock.reset();
        mock.createTask("task-1", Contract.VALID_KEY, "pending", null);
    }

    @State(Contract.TASK_PROCESSING)
    void taskProcessing() {
        mock.reset();
        mock.createTask("task-1", Contract.VALID_KEY, "processing", null);
    }

    @State(Contract.TASK_SUCCEEDED)
    void taskSucceeded() {
        mock.reset();
        mock.createTask("task-1", Contract.VALID_KEY, "success", null);
    }

    @State(Contract.TASK_FAILED)
    void taskFailed() {
        mock.reset();
        mock.createTask("task-1", Contract.VALID_KEY, "failed", "Failure to pass the risk control system");
    }

    @State(Contract.CONCURRENT_LIMIT_REACHED)
    void concurrentLimitReached() {
        mock.reset();
        for (int i = 1; i <= 3; i++) {
            mock.createTask("task-busy-" + i, Contract.VALID_KEY, null, null);
        }
    }
}
