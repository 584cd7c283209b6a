package dev.klingeffects.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A blocking call costs what a plain blocking send does: its steps and its exchange run on the thread that
 * waits for it, not through the client's executor and sendAsync's extra thread hop.
 */
class BlockingCallsTest {

    private static final EffectRequest LION = EffectRequest.singleImage("pet_lion_pro", "https://example.com/cat.jpg");

    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final AtomicInteger stepsOnTheExecutor = new AtomicInteger();
    private final Executor counting = step -> {
        stepsOnTheExecutor.incrementAndGet();
        pool.execute(step);
    };
    private final Recording http = new Recording(HttpClient.newHttpClient());
    private final ScriptedServer server = new ScriptedServer();

    @AfterEach
    void stop() {
        server.close();
        pool.shutdownNow();
    }

    @Test
    void blockingCallsRunEveryStepAndExchangeOnTheCallingThread() {
        server.then(200, ScriptedServer.submitted("task-1")).then(200, ScriptedServer.success("task-1"))
                .then(200, ScriptedServer.success("task-1")).then(200, ScriptedServer.submitted("task-2"))
                .then(200, ScriptedServer.success("task-2"));
        var client = Clients.against(server, new FakeTiming()).executor(counting).httpClient(http).build();

        client.submit(LION);
        client.getTask("task-1");
        client.awaitCompletion("task-1", Duration.ofMinutes(1));
        client.submitAndAwait(LION, Duration.ofMinutes(1));

        assertThat(stepsOnTheExecutor).hasValue(0);
        assertThat(http.calls).containsOnly("send on " + Thread.currentThread().getName());
        assertThat(http.calls).hasSize(5);
    }

    @Test
    void asyncCallsStillHoldNoThreadWhileTheyWait() {
        server.then(200, ScriptedServer.success("task-1"));
        var client = Clients.against(server, new FakeTiming()).executor(counting).httpClient(http).build();

        client.getTaskAsync("task-1").join();

        assertThat(http.calls).containsExactly("sendAsync");
        assertThat(stepsOnTheExecutor.get()).isPositive();
    }

    /** An HttpClient that says which of its sends each exchange used, and on which thread. */
    private static final class Recording extends HttpClient {
        final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
        private final HttpClient real;

        Recording(HttpClient real) {
            this.real = real;
        }

        @Override
        public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
                throws IOException, InterruptedException {
            calls.add("send on " + Thread.currentThread().getName());
            return real.send(request, handler);
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
            calls.add("sendAsync");
            return real.sendAsync(request, handler);
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                                HttpResponse.PushPromiseHandler<T> push) {
            calls.add("sendAsync");
            return real.sendAsync(request, handler, push);
        }

        @Override
        public Optional<CookieHandler> cookieHandler() {
            return real.cookieHandler();
        }

        @Override
        public Optional<Duration> connectTimeout() {
            return real.connectTimeout();
        }

        @Override
        public Redirect followRedirects() {
            return real.followRedirects();
        }

        @Override
        public Optional<ProxySelector> proxy() {
            return real.proxy();
        }

        @Override
        public SSLContext sslContext() {
            return real.sslContext();
        }

        @Override
        public SSLParameters sslParameters() {
            return real.sslParameters();
        }

        @Override
        public Optional<Authenticator> authenticator() {
            return real.authenticator();
        }

        @Override
        public Version version() {
            return real.version();
        }

        @Override
        public Optional<Executor> executor() {
            return real.executor();
        }
    }
}
