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
 * against one server. Each client is loaded from its own class path in its own class loader, so both run
 * side by side whatever their dependencies; both are driven through the methods they share (builder, submit,
 * getTask, submitAndAwait, close) by reflection, the same few nanoseconds for each.
 *
 *   java Sequential.java BASE_URL OLD_CLASSPATH NEW_CLASSPATH CALLS ROUNDS [old|new|both]
 *
 * Per round and client: CALLS back-to-back submits, then a getTask of each task submitted (the server
 * answers it finished), then CALLS submitAndAwait whose first poll finds the task finished, with a poll
 * interval of 1 ns (no wait worth measuring before that poll). The two clients take turns every BLOCK calls
 * (who goes first alternates), so a change in the machine's load falls on both alike: on a shared machine a
 * round of one client alone can take ten times another. A fresh client per round, closed after it, so no
 * background follow of one round runs into the next. The first round is a warm-up, not counted.
 */
public class Sequential {

    private static final String[] OPERATIONS = {"submit", "getTask", "submitAndAwait"};
    private static final int BLOCK = 100;
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
        round(clients, calls, false); // warm-up: class loading, the JIT, the connection
        for (int round = 0; round < rounds; round++) {
            round(clients, calls, true);
        }
        report(clients, calls, rounds);
    }

    private static void round(List<Client> clients, int calls, boolean counted) throws Exception {
        for (Client client : clients) {
            client.open(calls);
        }
        long[][] times = new long[clients.size()][2 * OPERATIONS.length];
        try {
            for (int op = 0; op < OPERATIONS.length; op++) {
                for (int from = 0, block = 0; from < calls; from += BLOCK, block++) {
                    int count = Math.min(BLOCK, calls - from);
                    for (int i = 0; i < clients.size(); i++) {
                        int turn = block % 2 == 0 ? i : clients.size() - 1 - i;
                        long start = System.nanoTime();
                        long cpu = CPU.getProcessCpuTime();
                        clients.get(turn).run(op, from, count);
                        times[turn][op] += System.nanoTime() - start;
                        times[turn][op + OPERATIONS.length] += CPU.getProcessCpuTime() - cpu;
                    }
                }
            }
        } finally {
            for (Client client : clients) {
                client.close();
            }
        }
        if (counted) {
            for (int i = 0; i < clients.size(); i++) {
                clients.get(i).rounds.add(Arrays.stream(times[i]).map(nanos -> nanos / 1_000_000).toArray());
            }
        }
    }

    private static void report(List<Client> clients, int calls, int rounds) {
        System.out.printf("%d back-to-back calls of each kind per client and round, taking turns every %d, %d rounds after a"
                + " warm-up; milliseconds per %d calls: wall clock, and the CPU time of the bench's JVM (all its threads)%n%n",
                calls, BLOCK, rounds, calls);
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

    /** The median of the round-by-round ratios (each round runs both, turn by turn), and their range. */
    private static String ratio(List<Client> clients, int column) {
        long[] old = clients.get(0).times(column);
        long[] current = clients.get(1).times(column);
        double[] ratios = new double[old.length];
        for (int i = 0; i < old.length; i++) {
            ratios[i] = (double) current[i] / Math.max(1, old[i]);
        }
        Arrays.sort(ratios);
        double median = ratios.length % 2 == 1 ? ratios[ratios.length / 2]
                : (ratios[ratios.length / 2 - 1] + ratios[ratios.length / 2]) / 2;
        return String.format("%.2f (rounds %.2f to %.2f)", median, ratios[0], ratios[ratios.length - 1]);
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
        private final Method submit;
        private final Method getTask;
        private final Method submitAndAwait;
        private final Method taskId;
        private final Object request;
        private final Duration timeout = Duration.ofSeconds(30);
        private Object client;
        private String[] ids;

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
            ClassLoader loader = new URLClassLoader(name + "-client", urls, ClassLoader.getPlatformClassLoader());
            Class<?> api = loader.loadClass("dev.klingeffects.client.KlingEffectsClient");
            Class<?> requestClass = loader.loadClass("dev.klingeffects.client.EffectRequest");
            this.builder = api.getMethod("builder");
            this.submit = api.getMethod("submit", requestClass);
            this.getTask = api.getMethod("getTask", String.class);
            this.submitAndAwait = api.getMethod("submitAndAwait", requestClass, Duration.class);
            this.taskId = loader.loadClass("dev.klingeffects.client.SubmittedTask").getMethod("taskId");
            this.request = requestClass.getMethod("singleImage", String.class, String.class)
                    .invoke(null, "pet_lion_pro", "https://example.com/cat.jpg");
        }

        long[] times(int column) {
            return rounds.stream().mapToLong(round -> round[column]).toArray();
        }

        void open(int calls) throws Exception {
            Object b = builder.invoke(null);
            b = call(b, "baseUrl", new Class<?>[] {String.class}, baseUrl);
            b = call(b, "apiKey", new Class<?>[] {String.class}, "bench-key");
            b = call(b, "pollInterval", new Class<?>[] {Duration.class, Duration.class}, Duration.ofNanos(1), Duration.ofNanos(1));
            client = call(b, "build", new Class<?>[0]);
            ids = new String[calls];
        }

        /** Calls {@code count} times: submit, getTask (of the task submitted as number {@code from + i}) or submitAndAwait. */
        void run(int operation, int from, int count) throws Exception {
            for (int i = from; i < from + count; i++) {
                switch (operation) {
                    case 0 -> ids[i] = (String) taskId.invoke(invoke(submit, client, request));
                    case 1 -> invoke(getTask, client, ids[i]);
                    default -> invoke(submitAndAwait, client, request, timeout);
                }
            }
        }

        void close() throws Exception {
            ((AutoCloseable) client).close();
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
