package dev.klingeffects.mock;

import dev.klingeffects.contract.CatalogRules;
import dev.klingeffects.contract.ContractError;
import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.contract.EffectCatalog;
import dev.klingeffects.mock.admin.AdminApi;
import dev.klingeffects.mock.admin.RequestJournal;
import dev.klingeffects.mock.auth.ApiKeys;
import dev.klingeffects.mock.config.Settings;
import dev.klingeffects.mock.http.ApiRoutes;
import dev.klingeffects.mock.http.Reply;
import dev.klingeffects.mock.http.Responder;
import dev.klingeffects.mock.http.SystemPages;
import dev.klingeffects.mock.limits.RateLimiter;
import dev.klingeffects.mock.tasks.Lifecycle;
import dev.klingeffects.mock.tasks.MockClock;
import dev.klingeffects.mock.tasks.TaskStore;
import dev.klingeffects.mock.validation.SubmitValidator;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import org.eclipse.jetty.http.UriCompliance;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mock server: everything is assembled here, and this class's routing table is the map of
 * what it answers.
 */
public final class MockServer {

    private static final Logger ACCESS = LoggerFactory.getLogger("access");
    private static final Logger LOG = LoggerFactory.getLogger(MockServer.class);
    private static final int MAX_REQUEST_HEAD_BYTES = 64 * 1024;

    private final Javalin app;
    private final Settings settings;

    private MockServer(Settings settings, ContractSpec spec) {
        this.settings = settings;
        EffectCatalog catalog = EffectCatalog.load(spec);
        SubmitValidator validator = new SubmitValidator(spec, CatalogRules.from(spec, catalog));
        MockClock clock = new MockClock(settings.frozenClock());
        TaskStore store = new TaskStore(settings.maxTasks(), settings.resultTtl().toMillis(), clock);
        List<String> reasons = new ArrayList<>();
        spec.schema("Task").path("properties").path("error_message").path("x-known-values")
                .forEach(reason -> reasons.add(reason.asText()));
        Lifecycle lifecycle = new Lifecycle(settings.pendingMillis(), settings.processingMinMillis(),
                settings.processingMaxMillis(), settings.failureRate(), reasons, settings.seed());
        RateLimiter limiter = new RateLimiter(settings.rateLimitPerMinute(), clock);
        RequestJournal journal = new RequestJournal(settings.journalSize());
        ApiRoutes api = new ApiRoutes(spec, validator, store, lifecycle, clock, limiter,
                new ApiKeys(settings.apiKeys()), settings);
        AdminApi admin = new AdminApi(store, journal, clock, limiter, lifecycle);
        SystemPages pages = new SystemPages(spec);

        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.http.prefer405over404 = true;
            // The submit handler reads its body itself and stops at this limit; this is the safety net.
            config.http.maxRequestSize = validator.maxBodyBytes();
            config.staticFiles.enableWebjars();
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler(validator.maxBodyBytes())));
            // Generous, as a mock should be: only absurd request lines and headers meet the HTTP layer's 414/431.
            config.jetty.modifyHttpConfiguration(http -> {
                http.setRequestHeaderSize(MAX_REQUEST_HEAD_BYTES);
                // A task id with bad UTF-8 or a NUL is merely unknown (404), not a malformed request;
                // ambiguous targets (encoded '/', dot segments) stay refused, as they hide traversals.
                http.setUriCompliance(UriCompliance.DEFAULT.with("kling-mock",
                        UriCompliance.Violation.BAD_UTF8_ENCODING, UriCompliance.Violation.TRUNCATED_UTF8_ENCODING,
                        UriCompliance.Violation.BAD_PERCENT_ENCODING, UriCompliance.Violation.UTF16_ENCODINGS,
                        UriCompliance.Violation.SUSPICIOUS_PATH_CHARACTERS, UriCompliance.Violation.ILLEGAL_PATH_CHARACTERS));
            });
            config.requestLogger.http((ctx, millis) -> {
                if (!ctx.path().startsWith("/__admin")) {
                    journal.record(new RequestJournal.Entry(clock.now(), ctx.method().name(), ctx.path(),
                            ctx.statusCode(), millis));
                }
                if (settings.accessLog()) {
                    ACCESS.info("{} {} {} {}ms", ctx.method().name(), ctx.path(), ctx.statusCode(),
                            String.format("%.1f", millis));
                }
            });

            config.routes.post(api.submitPath(), api.submit());
            config.routes.get(api.taskPath(), api.getTask());
            config.routes.get("/files/{file}", api.videoFile());

            config.routes.get("/health", pages::health);
            config.routes.get("/openapi.yaml", pages::spec);
            config.routes.get("/docs", pages::docs);

            config.routes.post("/__admin/reset", admin::reset);
            config.routes.get("/__admin/requests", admin::requests);
            config.routes.delete("/__admin/requests", admin::clearRequests);
            config.routes.get("/__admin/tasks", admin::tasks);
            config.routes.post("/__admin/tasks", admin::createTask);
            config.routes.post("/__admin/tasks/{task_id}/state", admin::forceState);
            config.routes.get("/__admin/clock", admin::clock);
            config.routes.post("/__admin/clock/advance", admin::advanceClock);

            config.routes.exception(HttpResponseException.class, (e, ctx) ->
                    Responder.send(ctx, Reply.error(ErrorMapping.of(e, ctx.method().name(), ctx.path(),
                            validator.maxBodyBytes()))));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("Internal fault on {} {}", ctx.method().name(), ctx.path(), e);
                Responder.send(ctx, Reply.error(ContractError.internalError()));
            });
        });
    }

    /**
     * Builds a server on the spec packaged in the {@code openapi} jar; call {@link #start()}.
     *
     * @param settings how to behave
     * @return the server, not yet listening
     */
    public static MockServer create(Settings settings) {
        return new MockServer(settings, ContractSpec.load());
    }

    /**
     * Builds a server on another spec, e.g. a modified copy in a test.
     *
     * @param settings how to behave
     * @param spec     the contract to follow
     * @return the server, not yet listening
     */
    public static MockServer create(Settings settings, ContractSpec spec) {
        return new MockServer(settings, spec);
    }

    /** Starts listening. @return this server */
    public MockServer start() {
        app.start();
        return this;
    }

    /** @return the port it listens on (useful with port 0) */
    public int port() {
        return app.port();
    }

    /** @return {@code http://host:port} */
    public String baseUrl() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return "http://" + host + ":" + port();
    }

    /** Stops listening, letting requests in flight finish. */
    public void stop() {
        app.stop();
    }
}
