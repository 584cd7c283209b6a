package dev.klingeffects.mock.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void tokensAreThirtyTwoHexDigitsAndNeverRepeatAcrossManyDraws() {
        int count = Ids.TOKENS_PER_DRAW * 5 + 3; // past several refills, ending inside one
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tokens.add(Ids.token());
        }

        assertThat(tokens).allMatch(token -> token.matches("[0-9a-f]{32}"), "32 lower-case hex digits")
                .doesNotHaveDuplicates()
                .noneMatch(token -> token.equals("0".repeat(32)));
    }

    @Test
    void aDrawIsHandedOutOnceInSixteenByteSlices() {
        Ids.Draws draws = new Ids.Draws();
        List<String> slices = new ArrayList<>();
        for (int i = 0; i < Ids.TOKENS_PER_DRAW + 1; i++) {
            slices.add(draws.next());
        }

        assertThat(slices).doesNotHaveDuplicates().allMatch(token -> token.length() == Ids.TOKEN_BYTES * 2);
    }

    @Test
    void taskIdsStartWithTaskAndCarryAToken() {
        assertThat(Ids.taskId()).matches("task-[0-9a-f]{32}");
        assertThat(Ids.taskId()).isNotEqualTo(Ids.taskId());
    }

    @Test
    void everyDrawnByteIsHandedOutExactlyOnceInOrder() {
        CountingRandom random = new CountingRandom();
        Ids.Draws draws = new Ids.Draws(random);
        StringBuilder handedOut = new StringBuilder();
        int tokens = Ids.TOKENS_PER_DRAW * 3;
        for (int i = 0; i < tokens; i++) {
            handedOut.append(draws.next());
        }

        assertThat(random.calls).as("one generator call per %d identifiers", Ids.TOKENS_PER_DRAW).isEqualTo(3);
        assertThat(handedOut.toString()).isEqualTo(HexFormat.of().formatHex(random.produced, 0, random.count));
    }

    @Test
    void twoHundredThreadsNeverGetTheSameToken() throws Exception {
        int threads = 200;
        int perThread = Ids.TOKENS_PER_DRAW * 20 + 7;
        Set<String> tokens = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    int fresh = 0;
                    for (int i = 0; i < perThread; i++) {
                        String token = Ids.token();
                        if (!token.equals("0".repeat(32)) && tokens.add(token)) {
                            fresh++;
                        }
                    }
                    return fresh;
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertThat(result.get(1, TimeUnit.MINUTES)).as("tokens new to every thread").isEqualTo(perThread);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(tokens).hasSize(threads * perThread);
    }

    /** Fills each request with the next bytes of a counter and keeps them, so a test can see every byte. */
    private static final class CountingRandom extends SecureRandom {

        final byte[] produced = new byte[Ids.TOKEN_BYTES * Ids.TOKENS_PER_DRAW * 8];
        int count;
        int calls;

        @Override
        public void nextBytes(byte[] bytes) {
            calls++;
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (count * 7 + count / 256 + 1); // no run repeats, so a slice handed out twice shows
                produced[count++] = bytes[i];
            }
        }
    }
}
