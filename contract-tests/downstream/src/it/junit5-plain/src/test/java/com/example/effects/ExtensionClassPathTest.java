package com.example.effects;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.mock.junit5.KlingEffectsMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the extension must not bring into a team's test class path, and the JUnit that really runs. */
class ExtensionClassPathTest {

    @RegisterExtension
    static KlingEffectsMockExtension mock = KlingEffectsMockExtension.create();

    @Test
    void leavesTheServerStackAndLoggingToTheTeam() {
        assertThat(mock.baseUrl()).startsWith("http://");
        for (String name : new String[] {"io.javalin.Javalin", "org.eclipse.jetty.server.Server", "kotlin.Unit",
                "org.slf4j.simple.SimpleLogger", "org.yaml.snakeyaml.Yaml"}) {
            assertThat(present(name)).as(name + " came with the extension").isFalse();
        }
    }

    @Test
    void leavesNoResourceThatChangesTheTeamsJndiOrWebApp() {
        ClassLoader loader = ExtensionClassPathTest.class.getClassLoader();
        assertThat(loader.getResource("jndi.properties")).isNull();
        assertThat(loader.getResource("META-INF/resources/webjars/swagger-ui")).isNull();
    }

    @Test
    void runsOnTheTeamsJUnit() {
        assertThat(Test.class.getPackage().getImplementationVersion()).isEqualTo(System.getProperty("expected.junit"));
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, ExtensionClassPathTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
