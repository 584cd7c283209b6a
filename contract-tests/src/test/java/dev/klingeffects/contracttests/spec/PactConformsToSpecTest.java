package dev.klingeffects.contracttests.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.contracttests.support.ContractFiles;
import dev.klingeffects.contracttests.support.PactSpecChecker;
import dev.klingeffects.contracttests.support.SpecValidators;
import org.junit.jupiter.api.Test;

/** What the client relies on is what the spec promises: every pact interaction is checked against it. */
class PactConformsToSpecTest {

    @Test
    void everyInteractionOfThePactsConformsToTheSpec() {
        var interactions = PactSpecChecker.interactions(ContractFiles.pactDir());
        var validator = SpecValidators.full(ContractFiles.read(ContractFiles.spec()));

        assertThat(interactions).hasSizeGreaterThanOrEqualTo(15);
        assertThat(PactSpecChecker.problems(interactions, validator)).isEmpty();
    }
}
