package dev.klingeffects.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.contract.ContractSpec;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The JSON twin the build packs into the jar says exactly what the YAML says. */
class SpecJsonTwinTest {

    @Test
    void packagedSpecReadsTheSameAsTheYamlSource() throws IOException {
        ContractSpec packaged = ContractSpec.load();
        ContractSpec source = ContractSpec.fromText(Files.readAllBytes(SpecFiles.SPEC));

        assertThat(packaged.root()).isEqualTo(source.root());
        assertThat(packaged.text()).isEqualTo(Files.readAllBytes(SpecFiles.SPEC));
    }
}
