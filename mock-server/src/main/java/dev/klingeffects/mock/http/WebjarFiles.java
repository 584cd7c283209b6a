package dev.klingeffects.mock.http;

import dev.klingeffects.contract.ContractError;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /webjars/<file>}: Swagger UI's files for {@code /docs}, read from the class path when asked for.
 * Javalin's own webjar support mounts the whole runnable jar as a file system at start-up (its central
 * directory of some 6,000 entries, read in the interpreter) before the first answer, for files only
 * someone opening {@code /docs} needs. Only plain file names under the webjar root are served: no dot
 * segments, no backslashes, no directories.
 */
public final class WebjarFiles implements Handler {

    /** The route's path, its file in the {@code file} parameter. */
    public static final String PATH = "/webjars/<file>";
    private static final String ROOT = "META-INF/resources/webjars/";
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript", "css", "text/css", "html", "text/html; charset=utf-8",
            "png", "image/png", "json", "application/json", "map", "application/json", "txt", "text/plain; charset=utf-8");

    private final ClassLoader loader;

    private WebjarFiles(ClassLoader loader) {
        this.loader = loader;
    }

    /** @return the handler, or null when no webjar is on the class path (the JUnit extension's mock) */
    public static WebjarFiles ifPresent() {
        ClassLoader loader = WebjarFiles.class.getClassLoader();
        return loader.getResource(ROOT.substring(0, ROOT.length() - 1)) == null ? null : new WebjarFiles(loader);
    }

    @Override
    public void handle(Context ctx) {
        String file = ctx.pathParam("file");
        String type = TYPES.get(extension(file));
        byte[] bytes = type == null || !plain(file) ? null : read(ROOT + file);
        if (bytes == null) {
            Responder.send(ctx, Reply.error(ContractError.notFound("file " + ContractError.quote(file) + " not found")));
            return;
        }
        // The path carries the version: the file never changes under it.
        Responder.send(ctx, new Reply(200, bytes, type, Map.of("Cache-Control", "max-age=31536000, immutable")));
    }

    private static boolean plain(String file) {
        for (String segment : file.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return file.indexOf('\\') < 0 && file.indexOf(':') < 0;
    }

    private static String extension(String file) {
        int dot = file.lastIndexOf('.');
        return dot < 0 ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private byte[] read(String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
