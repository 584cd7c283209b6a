import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sequential blocking calls, the old client (before it became async) against the current one, in one JVM,
 * alternating, against one server. Each client is loaded from its own class path in its own class loader, so
 * both run side by side whatever their dependencies; both are driven through the methods they share
 * (builder, submit, getTask, submitAndAwait, close) by reflection, the same few nanoseconds for each.
 *
 *   java Sequential.java BASE_URL OLD_CLASSPATH NEW_CLASSPATH CALLS ROUNDS [old|new|both]
 *
 * Per round and client: CALLS back-to-back submits, then a getTask of each task submitted (the server
 * answers it finished), then CALLS submitAndAwait whose first poll finds the task finished, with a poll
 * interval of 1 ns (no wait worth measuring before that poll). A fresh client per round, closed after it, so
 * no background follow of one round runs into the next. The first round of each is a warm-up, not counted.
 */
public class Sequential {

    private static final String[] OPERATIONS = {"submit", "getTask", "submitAndAwait"};
    /** The bench JVM's CPU time, all threads: on a shared machine it moves less than the wall clock. */
    private static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        int calls = Integer.parseInt(args[3]);
        int rounds = Integer.parseInt(args[4]);
        String which = args.length > 5 ? args[5] : "both";
        List<Client> clients = new ArrayList<>();
        if (!which.equals("new")) {
            clients.add(new Client("old", args[1], baseUrl));
        }
        if (!which.equals("old")) {
            clients.add(new Client("new", args[2], baseUrl));
        }
        for (Client client : clients) {
            client.round(calls); // warm-up: class loading, the JIT, the connection
        }
        for (int round = 0; round < rounds; round++) {
            // Alternate who goes first, so neither always runs right after the other's garbage.
            for (int i = 0; i < clients.size(); i++) {
                Client client = clients.get(round % 2 == 0 ? i : clients.size() - 1 - i);
                client.rounds.add(client.round(calls));
            }
        }
        report(clients, calls, rounds);
    }

    private static void report(List<Client> clients, int calls, int rounds) {
        System.out.printf("%d back-to-back calls each, %d rounds after a warm-up, alternating; milliseconds per %d calls:"
                + " wall clock, and the CPU time of the client's JVM (all its threads)%n%n", calls, rounds, calls);
        System.out.println("| operation | client | wall, median | wall, each round | CPU, median | CPU, each round |");
        System.out.println("|---|---|---|---|---|---|");
        for (int op = 0; op < OPERATIONS.length; op++) {
            for (Client client : clients) {
                long[] wall = client.times(op);
                long[] cpu = client.times(op + OPERATIONS.length);
                System.out.printf("| %s | %s | %d | %s | %d | %s |%n", OPERATIONS[op], client.name, median(wall),
                        Arrays.toString(wall), median(cpu), Arrays.toString(cpu));
            }
        }
        if (clients.size() == 2) {
            System.out.println();
            for (int op = 0; op < OPERATIONS.length; op++) {
                System.out.printf("%s, new / old: wall %s; CPU %s%n", OPERATIONS[op], ratio(clients, op),
                        ratio(clients, op + OPERATIONS.length));
            }
        }
    }

    /** The ratio of the medians, and the range of the ratios round by round (each round runs both). */
    private static String ratio(List<Client> clients, int column) {
        long[] old = clients.get(0).times(column);
        long[] current = clients.get(1).times(column);
        double[] ratios = new double[old.length];
        for (int i = 0; i < old.length; i++) {
            ratios[i] = (double) current[i] / Math.max(1, old[i]);
        }
        Arrays.sort(ratios);
        return String.format("%.2f (rounds %.2f to %.2f)", (double) median(current) / Math.max(1, median(old)),
                ratios[0], ratios[ratios.length - 1]);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    /** One client version, loaded apart from the other. */
    private static final class Client {
        final String name;
        final List<long[]> rounds = new ArrayList<>();
        private final String baseUrl;
        private final Method builder;
        private final Method singleImage;
        private final Class<?> requestClass;
        private final ClassLoader loader;

        Client(String name, String classpath, String baseUrl) throws Exception {
            this.name = name;
            this.baseUrl = baseUrl;
            URL[] urls = Arrays.stream(classpath.split(":")).filter(entry -> !entry.isBlank())
                    .map(entry -> {
                        try {
                            return Path.of(entry).toUri().toURL();
                        } catch (Exception e) {
                            throw new IllegalArgumentException(entry, e);
                        }
                    }).toArray(URL[]::new);
            // The platform loader as parent: this file's own class path holds neither client nor Jackson.
            this.loader = new URLClassLoader(name + "-client", urls, ClassLoader.getPlatformClassLoader());
            Class<?> client = loader.loadClass("dev.klingeffects.client.KlingEffectsClient");
            this.requestClass = loader.loadClass("dev.klingeffects.client.EffectRequest");
            this.builder = client.getMethod("builder");
            this.singleImage = requestClass.getMethod("singleImage", String.class, String.class);
        }

        long[] times(int op) {
            return rounds.stream().mapToLong(round -> round[op]).toArray();
        }

        long[] round(int calls) throws Exception {
            Object b = builder.invoke(null);
            b = call(b, "baseUrl", new Class<?>[] {String.class}, baseUrl);
            b = call(b, "apiKey", new Class<?>[] {String.class}, "bench-key");
            b = call(b, "pollInterval", new Class<?>[] {Duration.class, Duration.class}, Duration.ofNanos(1), Duration.ofNanos(1));
            if (System.getProperty("bench.http") != null) {
                java.net.http.HttpClient.Builder http = java.net.http.HttpClient.newBuilder();
                if (System.getProperty("bench.http").equals("h11")) {
                    http.version(java.net.http.HttpClient.Version.HTTP_1_1);
                }
                if (System.getProperty("bench.http").equals("pool")) {
                    http.executor(java.util.concurrent.Executors.newFixedThreadPool(2, r -> { Thread t = new Thread(r); t.setDaemon(true); return t; }));
                }
                b = call(b, "httpClient", new Class<?>[] {java.net.http.HttpClient.class}, http.build());
            }
            Object client = call(b, "build", new Class<?>[0]);
            Class<?> api = loader.loadClass("dev.klingeffects.client.KlingEffectsClient");
            Method submit = api.getMethod("submit", requestClass);
            Method getTask = api.getMethod("getTask", String.class);
            Method submitAndAwait = api.getMethod("submitAndAwait", requestClass, Duration.class);
            Method taskId = loader.loadClass("dev.klingeffects.client.SubmittedTask").getMethod("taskId");
            Object request = singleImage.invoke(null, "pet_lion_pro", "https://example.com/cat.jpg");
            Duration timeout = Duration.ofSeconds(30);
            String[] ids = new String[calls];
            long[] millis = new long[6];
            try {
                long start = System.nanoTime();
                long cpu = CPU.getProcessCpuTime();
                for (int i = 0; i < calls; i++) {
                    Object submitted = invoke(submit, client, request);
                    ids[i] = (String) taskId.invoke(submitted);
                }
                millis[0] = (System.nanoTime() - start) / 1_000_000;
                millis[3] = (CPU.getProcessCpuTime() - cpu) / 1_000_000;
                start = System.nanoTime();
                cpu = CPU.getProcessCpuTime();
                for (int i = 0; i < calls; i++) {
                    invoke(getTask, client, ids[i]);
                }
                millis[1] = (System.nanoTime() - start) / 1_000_000;
                millis[4] = (CPU.getProcessCpuTime() - cpu) / 1_000_000;
                start = System.nanoTime();
                cpu = CPU.getProcessCpuTime();
                for (int i = 0; i < calls; i++) {
                    invoke(submitAndAwait, client, request, timeout);
                }
                millis[2] = (System.nanoTime() - start) / 1_000_000;
                millis[5] = (CPU.getProcessCpuTime() - cpu) / 1_000_000;
            } finally {
                ((AutoCloseable) client).close();
            }
            return millis;
        }

        private static Object call(Object target, String method, Class<?>[] types, Object... args) throws Exception {
            return invoke(target.getClass().getMethod(method, types), target, args);
        }

        private static Object invoke(Method method, Object target, Object... args) throws Exception {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
    }
}
