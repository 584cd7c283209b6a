package dev.klingeffects.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code kling-mock} starts with the class-data archive only where the JVM will map it: a misfit archive takes
 * the JDK's own archive down with it. Run against a stand-in {@code java} that prints what it was given.
 */
class LauncherScriptTest {

    private static final String RELEASE = "JAVA_VERSION=\"17.0.99\"\n";

    @TempDir
    Path root;
    private Path launcher;
    private Path jdk;
    private Path target;

    @BeforeEach
    void layOutABuiltCheckoutAndAJdk() throws IOException {
        assumeFalse(System.getProperty("os.name").startsWith("Windows"), "a POSIX shell script");
        Path checkout = Files.createDirectories(root.resolve("checkout"));
        launcher = Files.copy(Path.of("kling-mock"), checkout.resolve("kling-mock"));
        target = Files.createDirectories(checkout.resolve("target"));
        Files.writeString(target.resolve("kling-effects-mock-server.jar"), "jar");
        Files.writeString(target.resolve("kling-effects-mock-server.jsa"), "archive");
        Files.writeString(target.resolve("kling-effects-mock-server.jsa.jdk"), RELEASE);
        Files.writeString(target.resolve("kling-effects-mock-server.jsa.jar"),
                target.toRealPath().resolve("kling-effects-mock-server.jar") + "\n");
        age(target.resolve("kling-effects-mock-server.jar"), 60);
        jdk = Files.createDirectories(root.resolve("jdk/bin")).getParent();
        Path java = Files.writeString(jdk.resolve("bin/java"), "#!/bin/sh\nprintf '%s ' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(jdk.resolve("release"), RELEASE);
    }

    @Test
    void startsWithTheArchiveAndPassesTheFlagsOn() throws Exception {
        assertThat(launch(launcher, Map.of(), "--port", "0"))
                .startsWith("-XX:SharedArchiveFile=" + target.toRealPath().resolve("kling-effects-mock-server.jsa"))
                .endsWith("-jar " + target.toRealPath().resolve("kling-effects-mock-server.jar") + " --port 0");
    }

    @Test
    void leavesAnArchiveOlderThanTheJarOut() throws Exception {
        age(target.resolve("kling-effects-mock-server.jsa"), 120);

        assertThat(launch(launcher, Map.of())).doesNotContain("SharedArchiveFile").startsWith("-jar ");
    }

    @Test
    void leavesTheArchiveOutOnAJdkOtherThanTheBuilds() throws Exception {
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"17.0.100\"\n");

        assertThat(launch(launcher, Map.of())).doesNotContain("SharedArchiveFile");
    }

    @Test
    void leavesTheArchiveOutOfACheckoutMovedSinceTheBuild() throws Exception {
        Path moved = Files.move(launcher.getParent(), root.resolve("moved"));

        assertThat(launch(moved.resolve("kling-mock"), Map.of())).doesNotContain("SharedArchiveFile");
    }

    @Test
    void leavesTheArchiveOutWhenTheBuildRecordedNoJar() throws Exception {
        Files.delete(target.resolve("kling-effects-mock-server.jsa.jar"));

        assertThat(launch(launcher, Map.of())).doesNotContain("SharedArchiveFile");
    }

    @Test
    void keepsTheArchiveForACheckoutReachedThroughALinkedDirectory() throws Exception {
        Path linked = Files.createSymbolicLink(root.resolve("linked"), launcher.getParent());

        assertThat(launch(linked.resolve("kling-mock"), Map.of())).startsWith("-XX:SharedArchiveFile=");
    }

    @Test
    void followsASymbolicLinkToTheCheckout() throws Exception {
        Path link = Files.createSymbolicLink(Files.createDirectories(root.resolve("bin")).resolve("kling-mock"), launcher);

        assertThat(launch(link, Map.of())).startsWith("-XX:SharedArchiveFile=");
    }

    /** dash's echo reads backslashes as escapes: a checkout under {@code a\\tb} was not found at all. */
    @Test
    void startsFromACheckoutWhosePathHoldsABackslash() throws Exception {
        Path checkout = Files.createDirectories(root.resolve("back\\tslash"));
        Path moved = Files.copy(launcher, checkout.resolve("kling-mock"));
        Path movedTarget = Files.createDirectories(checkout.resolve("target"));
        for (String name : List.of("kling-effects-mock-server.jar", "kling-effects-mock-server.jsa",
                "kling-effects-mock-server.jsa.jdk")) {
            Files.copy(target.resolve(name), movedTarget.resolve(name));
        }
        Files.writeString(movedTarget.resolve("kling-effects-mock-server.jsa.jar"),
                movedTarget.toRealPath().resolve("kling-effects-mock-server.jar") + "\n");
        age(movedTarget.resolve("kling-effects-mock-server.jar"), 60);

        String command = launch(moved, Map.of());

        assertThat(command).startsWith("-XX:SharedArchiveFile=").contains("back\\tslash/target/kling-effects-mock-server.jar");
    }

    @ParameterizedTest
    @CsvSource({
        "KLING_MOCK_JAVA_OPTS, -XX:+UseZGC",
        "JDK_JAVA_OPTIONS, -XX:-UseCompressedOops",
        "JAVA_TOOL_OPTIONS, -XX:-UseCompressedClassPointers",
        "_JAVA_OPTIONS, -Xms1g -Xmx32g",
    })
    void leavesTheArchiveOutWithoutCompressedReferences(String variable, String options) throws Exception {
        assertThat(launch(launcher, Map.of(variable, options))).doesNotContain("SharedArchiveFile");
    }

    @ParameterizedTest
    @CsvSource({
        "-Xmx31g, true", "-Xmx32g, false", "-Xmx32G, false", "-Xmx31744m, true", "-Xmx31745m, false",
        "-Xmx32767m, false", "-Xmx32768m, false", "-Xmx32505856k, true", "-Xmx32505857k, false",
        "-Xmx33554431k, false", "-Xmx33554432k, false", "-Xmx1t, false", "-Xmx512m, true",
        "-XX:MaxHeapSize=33285996544, true", "-XX:MaxHeapSize=33285996545, false",
        "-XX:MaxHeapSize=34359737344, false", "-XX:MaxHeapSize=34359738368, false",
        "-Xmx9999999999g, false", "-Xmx999999999999999999999, false", "-Xmxlots, true", "-Xmx, true",
    })
    void keepsTheArchiveOnlyForAHeapCompressedOopsCanAddress(String heap, boolean archived) throws Exception {
        assertArchiveKept(heap, archived);
    }

    /**
     * The JVM reads {@code -Xmx033g} as 33 GiB and {@code -Xmx09g} as 9 GiB (decimal; the shell's arithmetic
     * reads octal, or stops the script), and hex after {@code 0x}; an initial heap raises the maximum to it.
     */
    @ParameterizedTest
    @CsvSource({
        "-Xmx033g, false", "-Xmx031g, true", "-Xmx09g, true", "-Xmx008g, true", "-Xmx0000000000000000000031g, true",
        "-Xmx0x800000000, false", "-Xmx0X800000000, false", "-XX:MaxHeapSize=0x7c0000001, false",
        "-Xmx0x7c0000000, true", "-Xmx0x20g, false", "-Xmx0x1fg, true", "-Xmx0x000000000000000001g, true",
        "-Xmx0x, true", "-Xmx0xzz, true", "-Xms40g, false", "-XX:InitialHeapSize=40g, false", "-Xms1g, true",
    })
    void readsHeapSizesAsTheJvmDoes(String heap, boolean archived) throws Exception {
        assertArchiveKept(heap, archived);
    }

    /** The JVM's own heap size passes the bound with these set on a large machine; their content is unseen here. */
    @ParameterizedTest
    @CsvSource({
        "-XX:MaxRAM=200g", "-XX:MaxRAMPercentage=75", "-XX:MinRAMPercentage=50", "-XX:MaxRAMFraction=2",
        "@/etc/jvm-options", "-XX:VMOptionsFile=/etc/jvm-options", "-XX:Flags=.hotspotrc",
    })
    void leavesTheArchiveOutWhereTheHeapIsTheJvmsToChoose(String options) throws Exception {
        assertThat(launch(launcher, Map.of("KLING_MOCK_JAVA_OPTS", options))).doesNotContain("SharedArchiveFile");
    }

    private void assertArchiveKept(String heap, boolean archived) throws Exception {
        String command = launch(launcher, Map.of("KLING_MOCK_JAVA_OPTS", heap));

        assertThat(command.contains("SharedArchiveFile")).as(command).isEqualTo(archived);
        assertThat(command).contains(heap + " -jar ");
    }

    private String launch(Path script, Map<String, String> env, String... flags) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of("sh", script.toString()), Stream.of(flags))
                .toList()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        List.of("KLING_MOCK_JAVA_OPTS", "JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS").forEach(environment::remove);
        environment.put("JAVA_HOME", jdk.toString());
        environment.putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    private static void age(Path file, int seconds) throws IOException {
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - seconds * 1000L));
    }
}
