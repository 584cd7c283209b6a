package dev.klingeffects.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.klingeffects.mock.support.Images;
import dev.klingeffects.mock.support.RawHttp;
import dev.klingeffects.mock.support.Requests;
import dev.klingeffects.mock.support.RunningMock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A storm of malformed requests: never a 5xx, every error in the API's shape (and, on API paths,
 * allowed by the spec), the server healthy afterwards, the tasks created before it intact, and no buffer of
 * Jetty's pool held by two exchanges at once (checked by {@link RunningMock} when the storm's mock closes).
 * The build uses a fixed seed, so it is never flaky; {@code -Dfuzz.seed=random} explores new cases,
 * {@code -Dfuzz.seed=N} replays one, {@code -Dfuzz.iterations=200000} makes a long storm.
 */
class FuzzTest {

    private static final long BUILD_SEED = 20_261_123L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALID = "{\"effect_scene\": \"pet_lion_pro\", \"image\": \"https://example.com/cat.jpg\"}";
    private static final String TWO = "{\"effect_scene\": \"hug_pro\", \"images\": [\"https://example.com/a.jpg\", \"https://example.com/b.jpg\"], \"duration\": 5}";
    private static final byte[] PNG = Images.encoded("png", 400, 400);
    private static final byte[] JPEG = Images.jpegWithLargeExif(400, 400, 300);
    private static final String[] PATHS = {Requests.SUBMIT, Requests.TASKS + "task-fuzz-0", "/files/task-fuzz-0.mp4",
        "/__admin/tasks", "/__admin/clock/advance", "/__admin/tasks/task-fuzz-0/state", "/health", "/openapi.yaml", "/"};
    private static final String NASTY = "{}[]\",:\\ \t\n0123456789-+.eE aé€😀\u0000\u001f\u2028\ud800truefalsenull";

    /** One generated request. */
    private record Case(String description, String method, String path, Map<String, String> headers, byte[] body) {}

    @Test
    void survivesAStormOfMalformedRequests() throws Exception {
        String seedProperty = System.getProperty("fuzz.seed", String.valueOf(BUILD_SEED));
        long seed = seedProperty.equals("random") ? System.nanoTime() : Long.parseLong(seedProperty);
        int iterations = Integer.getInteger("fuzz.iterations", 5000);
        System.out.println("FuzzTest: seed " + seed + ", " + iterations + " requests (replay with -Dfuzz.seed=" + seed + ")");
        // Room for every task the storm could create: what is checked is loss, not the capacity bound.
        String maxTasks = String.valueOf(iterations + 100);
        try (RunningMock mock = RunningMock.start("--frozen-clock", "true", "--journal-size", "100", "--max-tasks", maxTasks)) {
            Map<String, String> before = seedTasks(mock);
            int workers = Integer.getInteger("fuzz.workers", 4);
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            List<Future<?>> runs = new ArrayList<>();
            for (int worker = 0; worker < workers; worker++) {
                int first = worker;
                runs.add(pool.submit(() -> {
                    for (int i = first; i < iterations; i += workers) {
                        runOne(mock, seed, i);
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
            pool.shutdown();

            assertThat(mock.client().get("/health", Map.of()).status()).isEqualTo(200);
            before.forEach((taskId, body) -> assertThat(mock.client().get(Requests.TASKS + taskId, Requests.AUTH).body())
                    .as("task %s after the storm", taskId).isEqualTo(body));
        }
    }

    private static Map<String, String> seedTasks(RunningMock mock) {
        Map<String, String> bodies = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            String taskId = mock.client().post(Requests.SUBMIT, i % 2 == 0 ? VALID : TWO, Requests.AUTH)
                    .json().at("/data/task_id").asText();
            bodies.put(taskId, null);
        }
        mock.advanceClock(5000);
        bodies.replaceAll((taskId, ignored) -> mock.client().get(Requests.TASKS + taskId, Requests.AUTH).body());
        return bodies;
    }

    private static void runOne(RunningMock mock, long seed, int index) {
        Random random = new Random(seed * 1_000_003L + index);
        String description = "?";
        try {
            if (random.nextInt(20) == 0) {
                byte[] raw = rawRequest(random);
                description = "raw " + printable(raw);
                RawHttp.Answer answer = RawHttp.exchange(Integer.parseInt(mock.baseUrl().replaceAll(".*:", "")), raw);
                String requestLine = new String(raw, 0, Math.max(0, indexOf(raw, (byte) '\r')), StandardCharsets.ISO_8859_1);
                if (answer.status() == 505) {
                    // The one 5xx a client can provoke: RFC 9110's answer to a version other than HTTP/1.x.
                    assertThat(requestLine).doesNotEndWith("HTTP/1.1").doesNotEndWith("HTTP/1.0");
                } else {
                    assertThat(answer.status()).as("a status line").isBetween(100, 499);
                }
                assertErrorShape(answer.status(), "GET", answer.body());
                if (answer.status() == 414 || answer.status() == 431) {
                    assertThat(raw.length).as("only absurd heads are refused").isGreaterThan(64 * 1024);
                }
                return;
            }
            Case request = generate(random);
            Map<String, String> shownHeaders = new LinkedHashMap<>();
            request.headers().forEach((name, value) -> shownHeaders.put(name, printable(value.getBytes(StandardCharsets.UTF_8))));
            description = request.description() + ": " + request.method() + " " + printable(request.path().getBytes(StandardCharsets.UTF_8))
                    + " " + shownHeaders + " " + printable(request.body());
            var answer = mock.client().send(request.method(), request.path(), request.body(), request.headers());
            assertThat(answer.status()).isLessThan(500);
            assertErrorShape(answer.status(), request.method(), answer.body());
        } catch (AssertionError | RuntimeException e) {
            if (Boolean.getBoolean("fuzz.explainPrevious") && index > 0) {
                System.out.println("previous case: " + describe(seed, index - 1));
            }
            throw new AssertionError("fuzz case #" + index + " (seed " + seed + ", replay with -Dfuzz.seed=" + seed
                    + ") failed: " + description + "\n" + e.getMessage(), e);
        }
    }

    private static String describe(long seed, int index) {
        Random random = new Random(seed * 1_000_003L + index);
        if (random.nextInt(20) == 0) {
            return "raw " + printable(rawRequest(random));
        }
        Case request = generate(random);
        return request.description() + ": " + request.method() + " " + printable(request.path().getBytes(StandardCharsets.UTF_8))
                + " " + request.headers().keySet() + " " + printable(request.body());
    }

    private static void assertErrorShape(int status, String method, String body) throws AssertionError {
        if (status < 400 || method.equals("HEAD")) {
            return;
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("error body is not JSON: " + body);
        }
        assertThat(json.path("code").asInt()).as(body).isEqualTo(status);
        assertThat(json.path("message").asText()).as(body).matches("(?s)[A-Z][A-Za-z ]*: .+");
    }

    private static Case generate(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> submit("random bytes", randomBytes(random, random.nextInt(3000)), random);
            case 1 -> submit("mutated JSON", mutate(random, random.nextBoolean() ? VALID : TWO).getBytes(StandardCharsets.UTF_8), random);
            case 2 -> submit("wrong type", wrongType(random).getBytes(StandardCharsets.UTF_8), random);
            case 3 -> submit("huge value", huge(random).getBytes(StandardCharsets.UTF_8), random);
            case 4 -> submit("deep nesting", deep(random).getBytes(StandardCharsets.UTF_8), random);
            case 5 -> submit("unicode", unicode(random), random);
            case 6 -> submit("bad Base64", Requests.base64Image(badBase64(random)).getBytes(StandardCharsets.UTF_8), random);
            case 7 -> submit("damaged image", Requests.base64Image(Base64.getEncoder().encodeToString(damagedImage(random)))
                    .getBytes(StandardCharsets.UTF_8), random);
            case 8 -> new Case("wrong content type", "POST", Requests.SUBMIT, headers(random, pick(random, "text/plain",
                    "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "///", "application/xml", "json")),
                    VALID.getBytes(StandardCharsets.UTF_8));
            case 9 -> new Case("bad method", pick(random, "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "FOO", "PROPFIND", "GET"),
                    pick(random, PATHS), headers(random, "application/json"), random.nextBoolean() ? null : VALID.getBytes(StandardCharsets.UTF_8));
            case 10 -> new Case("bad path", random.nextBoolean() ? "GET" : "POST", badPath(random), headers(random, "application/json"),
                    VALID.getBytes(StandardCharsets.UTF_8));
            default -> new Case("admin garbage", "POST", pick(random, "/__admin/tasks", "/__admin/clock/advance",
                    "/__admin/tasks/task-fuzz-0/state", "/__admin/reset?x=1".replace("reset", "requests")),
                    Map.of(), mutate(random, pick(random, "{\"task_id\": \"t\", \"api_key\": \"k\", \"status\": \"failed\"}",
                            "{\"millis\": 1000}", "{\"status\": \"success\"}")).getBytes(StandardCharsets.UTF_8));
        };
    }

    private static Case submit(String description, byte[] body, Random random) {
        return new Case(description, "POST", Requests.SUBMIT, headers(random, "application/json"), body);
    }

    private static Map<String, String> headers(Random random, String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        switch (random.nextInt(8)) {
            case 0 -> headers.put("Authorization", "Bearer " + "k".repeat(random.nextInt(60_000)));
            case 1 -> headers.put("Authorization", pick(random, "Bearer", "Bearer    ", "bearer x y z", "Basic", "Bearer\tk", "Bearer é"));
            case 2 -> headers.put("Prefer", pick(random, "code=", "code=99999", "code=418", "delay=-1", "delay=99999999999",
                    "outcome=maybe", ";;;,,,", "code=429;code=abc", "wait=1, delay=" + random.nextInt(3)));
            case 3 -> headers.put("Accept", "nothing/at-all");
            default -> headers.put("Authorization", "Bearer " + Requests.KEY);
        }
        return headers;
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String mutate(Random random, String text) {
        StringBuilder mutated = new StringBuilder(text);
        for (int n = 1 + random.nextInt(6); n > 0 && mutated.length() > 0; n--) {
            int at = random.nextInt(mutated.length());
            switch (random.nextInt(4)) {
                case 0 -> mutated.deleteCharAt(at);
                case 1 -> mutated.insert(at, NASTY.charAt(random.nextInt(NASTY.length())));
                case 2 -> mutated.insert(at, mutated.substring(at, Math.min(mutated.length(), at + random.nextInt(20))));
                default -> mutated.setCharAt(at, NASTY.charAt(random.nextInt(NASTY.length())));
            }
        }
        return mutated.toString();
    }

    private static String wrongType(Random random) {
        String value = pick(random, "null", "0", "-1", "1e400", "123456789012345678901234567890", "5.0", "true", "[]", "{}",
                "[\"a\"]", "{\"a\": 1}", "\"\"", "\"5\"", "[null, null]", "[[\"x\"], {}]");
        return switch (random.nextInt(4)) {
            case 0 -> "{\"effect_scene\": " + value + ", \"image\": \"https://example.com/a.jpg\"}";
            case 1 -> "{\"effect_scene\": \"pet_lion_pro\", \"image\": " + value + "}";
            case 2 -> "{\"effect_scene\": \"hug_pro\", \"images\": " + value + "}";
            default -> "{\"effect_scene\": \"cute_dance\", \"image\": \"https://example.com/a.jpg\", \"duration\": " + value + "}";
        };
    }

    private static String huge(Random random) {
        int size = 10_000 + random.nextInt(1_000_000);
        return switch (random.nextInt(3)) {
            case 0 -> "{\"effect_scene\": \"" + "x".repeat(size) + "\", \"image\": \"https://example.com/a.jpg\"}";
            case 1 -> Requests.base64Image("A".repeat(size));
            default -> "{\"effect_scene\": \"pet_lion_pro\", \"image\": \"https://example.com/" + "a".repeat(size) + "\"}";
        };
    }

    private static String deep(Random random) {
        int depth = 50 + random.nextInt(20_000);
        return random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                : "{\"effect_scene\": " + "{\"a\": ".repeat(depth) + "1" + "}".repeat(depth) + "}";
    }

    private static byte[] unicode(Random random) {
        if (random.nextBoolean()) {
            // Not valid UTF-8 at all: a lone continuation byte and an overlong encoding.
            return "{\"effect_scene\": \"pet_\u0080\u00c0\u00afn\", \"image\": \"https://x.test/a.jpg\"}".getBytes(StandardCharsets.ISO_8859_1);
        }
        String name = pick(random, "😀😀", "ペット", "\u202eorp_noil_tep", "pet_lion_pro\u0000", "Ω≈ç√", "\ud83d", "");
        return ("{\"effect_scene\": \"" + name + "\", \"image\": \"https://例え.jp/猫.jpg\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static String badBase64(Random random) {
        String good = Base64.getEncoder().encodeToString(PNG);
        return switch (random.nextInt(6)) {
            case 0 -> good.substring(0, 1 + random.nextInt(good.length() - 1));
            case 1 -> good.replace('+', '-').replace('/', '_');
            case 2 -> "data:image/png;base64," + good;
            case 3 -> good + "===";
            case 4 -> good.substring(0, good.length() / 2) + "\\n" + good.substring(good.length() / 2);
            default -> mutate(random, good.substring(0, Math.min(200, good.length())));
        };
    }

    private static byte[] damagedImage(Random random) {
        byte[] image = (random.nextBoolean() ? PNG : JPEG).clone();
        if (random.nextBoolean()) {
            return Arrays.copyOf(image, random.nextInt(image.length));
        }
        for (int n = 1 + random.nextInt(8); n > 0; n--) {
            image[random.nextInt(Math.min(image.length, 400))] = (byte) random.nextInt(256);
        }
        return image;
    }

    private static String badPath(Random random) {
        String segment = switch (random.nextInt(6)) {
            case 0 -> "..%c0%af" + random.nextInt(100);
            case 1 -> "a".repeat(random.nextInt(6000));
            case 2 -> "%ff%fe" + random.nextInt(10);
            case 3 -> "task-" + random.nextLong() + ".mp4";
            case 4 -> "%E2%80%AE%F0%9F%98%80";
            default -> "x?y=" + "z".repeat(random.nextInt(100)) + "&&&=";
        };
        return pick(random, "/api/v1/tasks/", "/files/", "/api/v1/", "/__admin/tasks/", "/docs/", "/") + segment;
    }

    private static byte[] rawRequest(Random random) {
        String request = switch (random.nextInt(9)) {
            case 8 -> "GET /api/v1/tasks/task%00x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
            case 7 -> "GET /api/v1/tasks/%2F..%2F..%2Fetc%2Fpasswd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
            case 0 -> "GARBAGE\r\n\r\n";
            case 1 -> "GET /health HTTP/9.9\r\nHost: x\r\n\r\n";
            case 2 -> "GET /health HTTP/1.1\r\nHost: x\r\nBad Header Without Colon\r\n\r\n";
            case 3 -> "POST " + Requests.SUBMIT + " HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\nConnection: close\r\n\r\n{\"eff";
            case 4 -> "POST " + Requests.SUBMIT + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nZZZ\r\n";
            case 5 -> "GET /" + "a".repeat(70_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
            default -> "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "h".repeat(70_000) + "\r\nConnection: close\r\n\r\n";
        };
        return request.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return bytes.length;
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... options) {
        return options[random.nextInt(options.length)];
    }

    private static String printable(byte[] body) {
        if (body == null) {
            return "(no body)";
        }
        String text = new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8);
        return text.replaceAll("[^\\x20-\\x7E]", "?") + (body.length > 120 ? "… (" + body.length + " bytes)" : "");
    }
}
