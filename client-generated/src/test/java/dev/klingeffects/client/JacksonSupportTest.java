package dev.klingeffects.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.Version;
import org.junit.jupiter.api.Test;

class JacksonSupportTest {

    @Test
    void acceptsTheFloorAndEverythingNewerInJackson2() {
        assertThatNoException().isThrownBy(() -> JacksonSupport.requireSupported(version(2, 14, 0), version(2, 14, 0)));
        assertThatNoException().isThrownBy(() -> JacksonSupport.requireSupported(version(2, 23, 0), version(2, 15, 4)));
        assertThatNoException().isThrownBy(JacksonSupport::requireSupportedVersion);
    }

    @Test
    void namesTheFloorAndWhatItFoundWhenDatabindIsOlder() {
        assertThatThrownBy(() -> JacksonSupport.requireSupported(version(2, 13, 5), version(2, 14, 0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs Jackson 2.14 or newer")
                .hasMessageContaining("jackson-databind 2.13.5")
                .hasMessageContaining("jackson-core 2.14.0");
    }

    @Test
    void refusesAnOlderCoreEvenWithANewDatabind() {
        assertThatThrownBy(() -> JacksonSupport.requireSupported(version(2, 17, 0), version(2, 12, 7)))
                .hasMessageContaining("jackson-core 2.12.7");
    }

    @Test
    void refusesAnotherMajorVersion() {
        assertThatThrownBy(() -> JacksonSupport.requireSupported(version(1, 99, 0), version(2, 14, 0)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> JacksonSupport.requireSupported(version(3, 0, 0), version(3, 0, 0)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void mapperReadsWhatTheGeneratedModelsNeedWithoutTheNewerTimeModule() {
        assertThat(JacksonSupport.newMapper().getRegisteredModuleIds()).noneMatch(id -> id.toString().contains("RFC3339"));
    }

    private static Version version(int major, int minor, int patch) {
        return new Version(major, minor, patch, null, "com.fasterxml.jackson.core", "jackson-databind");
    }
}
