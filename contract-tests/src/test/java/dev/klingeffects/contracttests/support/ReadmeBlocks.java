package dev.klingeffects.contracttests.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;

/** The Java blocks of the README marked {@code <!-- MARKER ... -->}, compiled as a reader would compile them. */
public final class ReadmeBlocks {

    private ReadmeBlocks() {}

    /** @return the Java code of the block marked {@code marker} */
    public static String java(String marker) {
        Matcher matcher = Pattern.compile("<!-- " + Pattern.quote(marker) + "[^>]*-->\\s*```java\\n(.*?)```", Pattern.DOTALL)
                .matcher(ContractFiles.read(ContractFiles.readme()));
        assertThat(matcher.find()).as("README has a block marked " + marker).isTrue();
        return matcher.group(1);
    }

    /** Writes {@code source} as {@code className.java} in {@code dir} and compiles it there against the test class path. */
    public static void compile(String source, String className, Path dir) {
        try {
            Path file = dir.resolve(className + ".java");
            Files.writeString(file, source);
            int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.toString(),
                    "-cp", System.getProperty("java.class.path"), file.toString());
            assertThat(compiled).as("the README example " + className + " compiles").isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
