package dev.klingeffects.mock;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The package-time run that makes the class-data archive of the runnable jar: started by the build with
 * {@code -XX:DumpLoadedClassList}, it starts the mock exactly as {@link Main} does, sends it the requests
 * a first session sends (health, valid and invalid submits, a poll, the docs, the admin API), and exits, so
 * the JVM lists every class those loaded; the build archives that list for {@code kling-mock} to start
 * with. Not an entry point for people.
 */
public final class ArchiveTraining {

    private static final Pattern TASK_ID = Pattern.compile("\"task_id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");
    private static final String SUBMIT = "/api/v1/image-to-video/kling/kling-video-effects/async";

    private ArchiveTraining() {}

    /**
     * Starts the mock, exercises it, exits with 0 (or 1 when an answer was not the expected one).
     *
     * @param args optionally, the file to copy the build JDK's {@code release} to, and the file to write the
     *             jar's real path to, for the launcher to compare
     */
    public static void main(String[] args) throws IOException {
        PrintStream err = System.err;
        // The banner and access log belong to a person's terminal, not to the build log; the banner says the port.
        ByteArrayOutputStream banner = new ByteArrayOutputStream();
        System.setOut(new PrintStream(banner, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(OutputStream.nullOutputStream()));
        // Port 0, as a port picked here and closed could be taken by another process before the mock binds it.
        // No environment twins: a KLING_MOCK_API_KEY or KLING_MOCK_ADMIN_TOKEN meant for the user's own runs
        // would refuse these requests and fail the build, and the archive is for a default start.
        Main.main(new String[] {"--port", "0"}, Map.of());
        Matcher listening = LISTENING.matcher(banner.toString(StandardCharsets.UTF_8));
        if (!listening.find()) {
            err.println("class-data archive training: the mock did not say where it listens");
            System.exit(1);
        }
        int port = Integer.parseInt(listening.group(1));
        int status = 0;
        try {
            if (args.length > 0) {
                recordJdk(Path.of(args[0]));
            }
            if (args.length > 1) {
                recordJar(Path.of(args[1]));
            }
            expect(port, "GET", "/health", null, 200);
            String png = Base64.getEncoder().encodeToString(tinyPng());
            String answer = expect(port, "POST", SUBMIT,
                    "{\"effect_scene\":\"pet_lion_pro\",\"image\":\"https://example.com/cat.jpg\"}", 200);
            expect(port, "POST", SUBMIT,
                    "{\"effect_scene\":\"hug_pro\",\"images\":[\"https://example.com/a.jpg\",\"" + png + "\"]}", 200);
            expect(port, "POST", SUBMIT, "{\"effect_scene\":\"pet_lion_pro\",\"image\":\"" + png + "\"}", 200);
            expect(port, "POST", SUBMIT, "{\"effect_scene\":\"cute_dance\",\"image\":\"https://example.com/cat.jpg\",\"duration\":7}", 400);
            expect(port, "POST", SUBMIT, "{\"effect_scene\":\"no_such_effect\",\"image\":\"https://example.com/cat.jpg\"}", 400);
            expect(port, "POST", SUBMIT, "{not json", 400);
            Matcher id = TASK_ID.matcher(answer);
            expect(port, "GET", "/api/v1/tasks/" + (id.find() ? id.group(1) : "none"), null, 200);
            expect(port, "GET", "/api/v1/tasks/task-unknown", null, 404);
            expect(port, "GET", "/", null, 302);
            expect(port, "GET", "/docs", null, 200);
            expect(port, "GET", "/openapi.yaml", null, 200);
            expect(port, "GET", "/__admin/requests", null, 200);
            expect(port, "GET", "/__admin/tasks", null, 200);
        } catch (IOException | IllegalStateException e) {
            err.println("class-data archive training: " + e.getMessage());
            status = 1;
        }
        System.exit(status);
    }

    /**
     * Copies the {@code release} file of the JDK that runs this (the build's, which makes the archive) to
     * {@code target}: the launcher compares it with its own JDK's, because an archive made by another JDK
     * is refused together with that JDK's own archive, which would start the mock slower than without any.
     */
    private static void recordJdk(Path target) throws IOException {
        Path release = Path.of(System.getProperty("java.home"), "release");
        if (Files.isRegularFile(release)) {
            Files.copy(release, target, StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.deleteIfExists(target);
        }
    }

    /**
     * Writes the real path of the jar this runs from (the archive's class path) to {@code target}: the archive
     * names it, so a checkout moved since the build has the JVM refuse the archive, and the JDK's own with it.
     */
    private static void recordJar(Path target) throws IOException {
        Path jar = Path.of(System.getProperty("java.class.path")).toRealPath();
        Files.writeString(target, jar + "\n", StandardCharsets.UTF_8);
    }

    /** One request on its own connection; @return the answer's body */
    private static String expect(int port, String method, String path, String body, int status) throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n"
                    + "Authorization: Bearer archive-training\r\n"
                    + (body == null ? "" : "Content-Type: application/json\r\nContent-Length: " + content.length + "\r\n")
                    + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            String text = answer.toString(StandardCharsets.UTF_8);
            String expected = "HTTP/1.1 " + status + " ";
            if (!text.startsWith(expected)) {
                throw new IllegalStateException(method + " " + path + " answered "
                        + text.lines().findFirst().orElse("nothing") + ", expected " + status + ": "
                        + text.substring(Math.max(0, text.indexOf("\r\n\r\n"))).strip());
            }
            int bodyStart = text.indexOf("\r\n\r\n");
            return bodyStart < 0 ? "" : text.substring(bodyStart + 4);
        }
    }

    /** A valid 1x1 PNG header is enough for the image checks; padded to the smallest size they accept. */
    private static byte[] tinyPng() {
        byte[] png = new byte[4096];
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
            0, 0, 4, 0, 0, 0, 4, 0, 8, 2, 0, 0, 0};
        System.arraycopy(header, 0, png, 0, header.length);
        return png;
    }
}
