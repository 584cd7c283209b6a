package dev.klingeffects.contracttests.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.contracttests.support.ContractFiles;
import dev.klingeffects.contracttests.support.ReadmeBlocks;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The consumer projects in contract-tests/downstream are the README followed word for word: its JUnit
 * examples (the registered extension and the annotation) are their tests, its dependency snippet is in their
 * POM. A README change that they do not follow (or the other way round) fails here, not in a team's build.
 */
class DownstreamFollowsTheReadmeTest {

    private static final Path PROJECTS = Path.of(System.getProperty("readme.file")).getParent()
            .resolve("contract-tests/downstream/src/it");

    @Test
    void theJunitProjectsRunTheReadmeExamplesUnchanged() {
        String example = ReadmeBlocks.java("readme-junit5-example");

        assertThat(ContractFiles.read(PROJECTS.resolve("junit5-plain/src/test/java/EffectServiceTest.java"))).isEqualTo(example);
        assertThat(ContractFiles.read(PROJECTS.resolve("junit5-plain/src/test/java/LionEffectTest.java")))
                .isEqualTo(ReadmeBlocks.java("readme-junit5-annotation-example"));
        assertThat(ContractFiles.read(PROJECTS.resolve("junit6/pom.xml")))
                .contains("<testSourceDirectory>../junit5-plain/src/test/java</testSourceDirectory>");
    }

    @Test
    void thePlainProjectDependsOnTheExtensionAsTheReadmeShows() {
        String readme = ContractFiles.read(ContractFiles.readme());
        String snippet = readme.substring(readme.indexOf("<dependency>\n  <groupId>dev.klingeffects</groupId>\n  <artifactId>kling-effects-mock-junit5</artifactId>"));
        snippet = snippet.substring(0, snippet.indexOf("</dependency>") + "</dependency>".length());
        String pom = ContractFiles.read(PROJECTS.resolve("junit5-plain/pom.xml"))
                .replace("@kit.version@", System.getProperty("kit.version"));

        assertThat(squeeze(pom)).contains(squeeze(snippet));
    }

    private static String squeeze(String xml) {
        return xml.replaceAll("\\s+", "");
    }
}
