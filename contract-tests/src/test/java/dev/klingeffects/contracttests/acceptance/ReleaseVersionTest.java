package dev.klingeffects.contracttests.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.contracttests.support.ContractFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What a team copies names the version we release: the README, its snippets and the BOM follow the POMs. */
class ReleaseVersionTest {

    private static final String VERSION = System.getProperty("kit.version");

    @Test
    void theKitCarriesAReleaseVersion() {
        assertThat(VERSION).matches("\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void everyVersionOfOursInTheReadmeIsTheReleaseVersion() {
        String readme = ContractFiles.read(ContractFiles.readme());
        List<String> named = new ArrayList<>();
        collect(readme, "<artifactId>kling-effects-[a-z0-9-]+</artifactId>\\s*<version>([^<]+)</version>", named);
        collect(readme, "dev\\.klingeffects:kling-effects-[a-z0-9-]+:([^\"\\s)]+)", named);
        collect(readme, "kling-effects-[a-z0-9-]+-(\\d[^/\\s\"]*?)(?:-[a-z]+)?\\.jar", named);
        collect(readme, "Release \\*\\*([^*]+)\\*\\*", named);

        assertThat(named).hasSizeGreaterThanOrEqualTo(4).containsOnly(VERSION);
    }

    @Test
    void theBomPinsTheReleaseVersionThoughItHasNoParent() {
        String bom = ContractFiles.read(Path.of(System.getProperty("spec.file")).getParent().resolve("bom/pom.xml"));
        List<String> own = new ArrayList<>();
        collect(bom, "<artifactId>kling-effects-bom</artifactId>\\s*<version>([^<]+)</version>", own);

        assertThat(own).containsExactly(VERSION);
    }

    private static void collect(String text, String regex, List<String> into) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }
}
