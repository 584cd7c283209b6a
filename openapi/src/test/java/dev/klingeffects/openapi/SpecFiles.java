package dev.klingeffects.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;

/** Where the module's files are, and the spec parsed once for all tests. */
final class SpecFiles {
    static final Path DIR = Path.of(System.getProperty("spec.dir", "."));
    static final Path SPEC = DIR.resolve("kling-video-effects.yaml");
    static final Path CATALOG = DIR.resolve("kling-effects.tsv");
    static final Path BASELINE = DIR.resolve("baseline/kling-video-effects.yaml");

    private SpecFiles() {}

    static SwaggerParseResult parse(Path spec, boolean resolveFully) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(resolveFully);
        return new OpenAPIV3Parser().readLocation(spec.toUri().toString(), null, options);
    }

    static OpenAPI resolvedSpec() {
        return parse(SPEC, true).getOpenAPI();
    }
}
