package dev.klingeffects.contracttests.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.contracttests.support.Contract;
import dev.klingeffects.contracttests.support.InProcessMock;
import dev.klingeffects.contracttests.support.ProviderStateServer;
import dev.klingeffects.contracttests.support.NodeTool;
import dev.klingeffects.contracttests.support.RustPactVerifier;
import org.junit.jupiter.api.Test;

/**
 * Our pacts are readable by every Pact implementation, not only pact-jvm: the reference Rust
 * verifier (the engine behind Pact JS, Go, Python, .NET and the broker's tools) replays them
 * against the mock, with provider states built through the same admin calls as the JVM test.
 */
class RustPactVerifierTest {

    @Test
    void everyInteractionVerifiesWithTheRustVerifier() {
        assertThat(RustPactVerifier.pactFiles()).isNotEmpty();
        try (InProcessMock mock = InProcessMock.start(Contract.PROVIDER_FLAGS);
             ProviderStateServer states = ProviderStateServer.start(mock)) {
            NodeTool.Outcome outcome = RustPactVerifier.verify(mock.baseUrl(), states.url(),
                    RustPactVerifier.pactFiles());

            assertThat(outcome.exitCode()).as(outcome.output()).isZero();
            assertThat(outcome.output()).contains("all interactions verified").doesNotContain("FAILED");
        }
    }

    @Test
    void aProviderThatBreaksAnInteractionIsNamedByTheRustVerifier() {
        // Without --api-key the mock accepts any key, so the revoked-key interactions get a 200.
        try (InProcessMock mock = InProcessMock.start("--rate-limit", "1000", "--concurrent-limit", "3");
             ProviderStateServer states = ProviderStateServer.start(mock)) {
            NodeTool.Outcome outcome = RustPactVerifier.verify(mock.baseUrl(), states.url(),
                    RustPactVerifier.pactFiles());

            assertThat(outcome.exitCode()).as(outcome.output()).isEqualTo(1);
            assertThat(outcome.output()).contains("a submit with a revoked key", "a poll with a revoked key")
                    .contains("expected 401 but was 200");
        }
    }
}
