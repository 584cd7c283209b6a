package dev.klingeffects.openapi;

import java.nio.file.Path;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * Compares a spec with the last released one: a backward-incompatible change passes only
 * when {@code info.version}'s major is raised.
 */
final class BreakingChangeGate {

    record Verdict(boolean passes, String report) {}

    private BreakingChangeGate() {}

    static Verdict check(Path baseline, Path current) {
        ChangedOpenApi diff = OpenApiCompare.fromLocations(baseline.toUri().toString(), current.toUri().toString());
        if (!diff.isIncompatible()) {
            return new Verdict(true, "compatible with " + baseline);
        }
        String oldVersion = diff.getOldSpecOpenApi().getInfo().getVersion();
        String newVersion = diff.getNewSpecOpenApi().getInfo().getVersion();
        String changes = new MarkdownRender().render(diff);
        if (major(newVersion) > major(oldVersion)) {
            return new Verdict(true, "breaking changes accepted by the major bump " + oldVersion + " -> "
                    + newVersion + ":\n" + changes);
        }
        return new Verdict(false, "Backward-incompatible change to the spec while info.version stays at major "
                + major(newVersion) + " (" + oldVersion + " -> " + newVersion + "). Raise the major version, or undo:\n"
                + changes);
    }

    private static int major(String version) {
        return Integer.parseInt(version.split("\\.")[0]);
    }
}
