package dev.klingeffects.contracttests.provider;

import au.com.dius.pact.provider.IHttpClientFactory;
import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.klingeffects.contracttests.support.Contract;
import dev.klingeffects.mock.junit5.KlingEffectsMockExtension;
import dev.klingeffects.contracttests.support.ProviderStates;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Replays every interaction the client relies on against the real mock server. Provider states are
 * set up through the mock's admin API ({@link ProviderStates}), never by faking a response.
 */
@Provider(Contract.PROVIDER)
@PactFolder("target/pacts")
class MockServerProviderPactTest {

    // Frozen: the unfinished tasks a provider state plants must stay unfinished while their interaction runs.
    @RegisterExtension
    static KlingEffectsMockExtension mock = KlingEffectsMockExtension.builder().frozenClock().flags(Contract.PROVIDER_FLAGS).build();

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
        ProviderStates.apply(Contract.NO_TASKS, mock.admin());
    }

    @State(Contract.TASK_PENDING)
    void taskPending() {
        ProviderStates.apply(Contract.TASK_PENDING, mock.admin());
    }

    @State(Contract.TASK_PROCESSING)
    void taskProcessing() {
        ProviderStates.apply(Contract.TASK_PROCESSING, mock.admin());
    }

    @State(Contract.TASK_SUCCEEDED)
    void taskSucceeded() {
        ProviderStates.apply(Contract.TASK_SUCCEEDED, mock.admin());
    }

    @State(Contract.TASK_FAILED)
    void taskFailed() {
        ProviderStates.apply(Contract.TASK_FAILED, mock.admin());
    }

    @State(Contract.CONCURRENT_LIMIT_REACHED)
    void concurrentLimitReached() {
        ProviderStates.apply(Contract.CONCURRENT_LIMIT_REACHED, mock.admin());
    }
}
