import dev.klingeffects.client.EffectRequest;
import dev.klingeffects.client.EffectTask;
import dev.klingeffects.client.KlingEffectsClient;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Awaits N tasks at once against a running mock, two ways in one JVM: with the client's awaitCompletionAsync,
 * and the blocking way (awaitCompletion on a thread each, the previous client's …Async). Prints the peak
 * thread count and the time until all N tasks are seen to end, for each.
 *
 *   java -cp <client classpath> AwaitManyTasks.java BASE_URL N
 */
public class AwaitManyTasks {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        int count = Integer.parseInt(args[1]);
        KlingEffectsClient client = KlingEffectsClient.builder().baseUrl(baseUrl).apiKey("bench-key")
                .pollInterval(Duration.ofMillis(200), Duration.ofMillis(400)).build();
        ExecutorService threadPerAwait = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "blocking-await");
            thread.setDaemon(true);
            return thread;
        });
        // Async first: the blocking way's idle threads would otherwise still count in its peak.
        Result async = run(client, count, id -> client.awaitCompletionAsync(id, Duration.ofMinutes(5)));
        Result blocking = run(client, count, id -> CompletableFuture.supplyAsync(
                () -> client.awaitCompletion(id, Duration.ofMinutes(5)), threadPerAwait));
        System.out.printf("| way | tasks | succeeded | peak threads in the JVM | all seen to end after |%n|---|---|---|---|---|%n");
        System.out.printf("| blocking, a thread per await (baseline) | %d | %d | %d | %d ms |%n", count, blocking.succeeded, blocking.peakThreads, blocking.millis);
        System.out.printf("| awaitCompletionAsync | %d | %d | %d | %d ms |%n", count, async.succeeded, async.peakThreads, async.millis);
        System.out.printf("%nthreads, async / blocking: %.3f; time, async / blocking: %.2f%n",
                (double) async.peakThreads / blocking.peakThreads, (double) async.millis / blocking.millis);
    }

    private record Result(long succeeded, int peakThreads, long millis) {}

    private static Result run(KlingEffectsClient client, int count, Function<String, CompletableFuture<EffectTask>> await)
            throws InterruptedException {
        List<CompletableFuture<String>> submits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            submits.add(client.submitAsync(EffectRequest.singleImage("pet_lion_pro", "https://example.com/cat.jpg"))
                    .thenApply(task -> task.taskId()));
        }
        List<String> ids = submits.stream().map(CompletableFuture::join).toList();
        THREADS.resetPeakThreadCount();
        long start = System.nanoTime();
        List<CompletableFuture<EffectTask>> awaits = ids.stream().map(await).toList();
        CompletableFuture<Void> all = CompletableFuture.allOf(awaits.toArray(CompletableFuture[]::new));
        try {
            all.get(2, TimeUnit.MINUTES);
        } catch (Exception e) {
            // counted below: some did not succeed
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        long succeeded = awaits.stream().filter(future -> future.isDone() && !future.isCompletedExceptionally()).count();
        return new Result(succeeded, THREADS.getPeakThreadCount(), millis);
    }
}
