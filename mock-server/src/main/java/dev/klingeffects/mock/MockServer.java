package dev.klingeffects.mock;

import dev.klingeffects.contract.ContractError;
import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.contract.EffectCatalog;
import dev.klingeffects.mock.admin.AdminApi;
import dev.klingeffects.mock.admin.AdminGuard;
import dev.klingeffects.mock.admin.Dashboard;
import dev.klingeffects.mock.admin.RequestJournal;
import dev.klingeffects.mock.auth.ApiKeys;
import dev.klingeffects.mock.config.Settings;
import dev.klingeffects.mock.http.ApiRoutes;
import dev.klingeffects.mock.http.BodyReader;
import dev.klingeffects.mock.http.Journaling;
import dev.klingeffects.mock.http.Links;
import dev.klingeffects.mock.http.LocalCors;
import dev.klingeffects.mock.http.SlowBodies;
import dev.klingeffects.mock.http.UnreadBodies;
import dev.klingeffects.mock.http.UploadLimits;
import dev.klingeffects.mock.http.WebjarFiles;
import dev.klingeffects.mock.http.Reply;
import dev.klingeffects.mock.http.RequestScope;
import dev.klingeffects.mock.http.Responder;
import dev.klingeffects.mock.http.SystemPages;
import dev.klingeffects.mock.limits.RateLimiter;
import dev.klingeffects.mock.logging.ClientText;
import dev.klingeffects.mock.logging.RateLimitedLog;
import dev.klingeffects.mock.tasks.Lifecycle;
import dev.klingeffects.mock.tasks.MockClock;
import dev.klingeffects.mock.faults.PlannedFaults;
import dev.klingeffects.mock.tasks.PlannedOutcomes;
import dev.klingeffects.mock.tasks.TaskStore;
import dev.klingeffects.mock.validation.SubmitValidator;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
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
    /** The access log's fixed rate: a QA session stays well under it; a flood is counted, not written. */
    static final int ACCESS_LINES_PER_SECOND = 200;
    /** Internal faults a client could provoke over and over: each with its stack trace, but only so many. */
    private static final int FAULT_LINES_PER_SECOND = 5;
    private static final int MAX_REQUEST_HEAD_BYTES = 64 * 1024;
    /**
     * Bytes read from a connection at a time: Jetty's 8 KiB made a 14 MB image 1,700 reads, each a system
     * call and a trip through the servlet input. A buffer is held only while it holds unparsed bytes.
     */
    private static final int INPUT_BUFFER_BYTES = 32 * 1024;
    /** Threads serving requests; at most {@code --max-uploads} of them receive bodies at any time. */
    static final int MAX_THREADS = 200;
    /**
     * A connection silent for this long is closed, and a blocked body read gives up (then 408); never
     * longer than the body timeout, so a body that stops arriving is cut within it.
     */
    static final long IDLE_TIMEOUT_MILLIS = 15_000;
    /** How long a body of known size may wait for upload memory before it gets 503 (at most half the body timeout). */
    private static final long UPLOAD_MEMORY_WAIT_MILLIS = 10_000;

    private final Javalin app;
    private final Settings settings;
    private final UploadLimits uploads;
    private final GracefulHandler graceful = new GracefulHandler();
    private final SlowBodies slowBodies = new SlowBodies();
    /** Idle connections close this soon after stop begins; connections in a request keep their own timeout. */
    private static final long STOP_IDLE_MILLIS = 50;
    private volatile ServerConnector connector;
    private final RateLimitedLog accessLog = RateLimitedLog.of(ACCESS, false, ACCESS_LINES_PER_SECOND);
    private final RateLimitedLog faultLog = RateLimitedLog.of(LOG, true, FAULT_LINES_PER_SECOND);

    private MockServer(Settings settings, PreparedContract contract, ByteBufferPool buffers) {
        this.settings = settings;
        ContractSpec spec = contract.spec();
        SubmitValidator validator = contract.validator();
        MockClock clock = new MockClock(settings.frozenClock());
        TaskStore store = new TaskStore(settings.maxTasks(), settings.resultTtl().toMillis(), clock);
        List<String> reasons = new ArrayList<>();
        spec.schema("Task").path("properties").path("error_message").path("x-known-values")
                .forEach(reason -> reasons.add(reason.asText()));
        Lifecycle lifecycle = new Lifecycle(settings.pendingMillis(), settings.processingMinMillis(),
                settings.processingMaxMillis(), settings.failureRate(), reasons, settings.seed());
        RateLimiter limiter = new RateLimiter(settings.rateLimitPerMinute(), clock);
        RequestJournal journal = new RequestJournal(settings.journalSize());
        // Whatever --upload-memory says, one maximal body (and its buffer growth) must fit.
        long oneMaximalBody = validator.maxBodyBytes() + validator.maxBodyBytes() / 2;
        this.uploads = new UploadLimits(Math.max(settings.uploadMemoryBytes(), oneMaximalBody), settings.maxUploads(),
                Math.min(UPLOAD_MEMORY_WAIT_MILLIS, settings.bodyTimeout().toMillis() / 2));
        BodyReader bodies = new BodyReader(uploads, settings.bodyTimeout());
        PlannedOutcomes plans = new PlannedOutcomes();
        PlannedFaults faults = new PlannedFaults();
        ApiRoutes api = new ApiRoutes(spec, validator, store, lifecycle, clock, limiter,
                new ApiKeys(settings.apiKeys()), settings, bodies, plans, faults);
        AdminApi admin = new AdminApi(store, journal, clock, limiter, lifecycle, bodies, plans, faults, new AdminApi.TextLimits(
                spec.schema("Task").path("properties").path("task_id").path("maxLength").asInt(),
                spec.operation("submitEffectTask").requestSchema().path("properties").path("effect_scene")
                        .path("maxLength").asInt(),
                spec.schema("Task").path("properties").path("error_message").path("maxLength").asInt()));
        AdminGuard adminGuard = new AdminGuard(settings.adminToken(), isLoopback(settings.host()));
        Dashboard dashboard = new Dashboard(settings.describe());
        SystemPages pages = new SystemPages(spec, new Links(settings.publicUrl()));
        JsonErrorHandler errors = new JsonErrorHandler(validator.maxBodyBytes());
        Journaling journaling = new Journaling((method, path, status, millis, fault, headers, headersDropped, body) ->
                journal.record(clock.now(), method, path, status, millis, fault, headers, headersDropped, body));

        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.http.prefer405over404 = true;
            // The submit handler reads its body itself and stops at this limit; this is the safety net.
            config.http.maxRequestSize = validator.maxBodyBytes();
            config.jetty.threadPool = new QueuedThreadPool(MAX_THREADS, 8);
            // Our own connector (Javalin then adds none): a connection idle for this long, half a request
            // line or header included, is closed, so slowloris connections cost nothing for long.
            config.jetty.addConnector((server, http) -> {
                HttpConnectionFactory factory = new HttpConnectionFactory(http);
                factory.setInputBufferSize(INPUT_BUFFER_BYTES);
                // null: the server's own pool; a test passes one that checks every buffer's hand-outs.
                ServerConnector connector = new ServerConnector(server, null, null, buffers, -1, -1, factory);
                connector.setHost(settings.host());
                connector.setPort(settings.port());
                connector.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
                // On stop Jetty would shrink every connection's idle timeout, those receiving an upload
                // included, so an upload would fail at its first pause with a false 408: stop() closes only
                // the idle connections instead.
                connector.setShutdownIdleTimeout(-1);
                this.connector = connector;
                return connector;
            });
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(errors);
                // Requests in flight (a delayed answer, an upload) finish on stop, for up to the grace period.
                server.setHandler(graceful);
                server.setStopTimeout(settings.shutdownGrace().toMillis());
            });
            // The servlet layer refuses some requests itself (an empty path segment, OPTIONS *): same shape.
            config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(errors));
            // Generous, as a mock should be: only absurd request lines and headers meet the HTTP layer's 414/431.
            config.jetty.modifyHttpConfiguration(http -> {
                http.setRequestHeaderSize(MAX_REQUEST_HEAD_BYTES);
                http.setIdleTimeout(Math.min(IDLE_TIMEOUT_MILLIS, settings.bodyTimeout().toMillis()));
                // A task id with bad UTF-8 or a NUL is merely unknown (404), not a malformed request;
                // ambiguous targets (encoded '/', dot segments) stay refused, as they hide traversals, and so
                // do escapes that are not %XX (%u0041, %zz): the router cannot decode them (400, not 500).
                http.setUriCompliance(UriCompliance.DEFAULT.with("kling-mock",
                        UriCompliance.Violation.BAD_UTF8_ENCODING, UriCompliance.Violation.TRUNCATED_UTF8_ENCODING,
                        UriCompliance.Violation.SUSPICIOUS_PATH_CHARACTERS, UriCompliance.Violation.ILLEGAL_PATH_CHARACTERS));
            });
            config.requestLogger.http((ctx, millis) -> {
                journaling.afterAnswer(ctx, millis);
                if (settings.accessLog() && accessLog.admit()) {
                    accessLog.writeAdmitted(ctx.method().name() + " " + ClientText.clip(ctx.path()) + " "
                            + ctx.statusCode() + " " + String.format("%.1f", millis) + "ms");
                }
            });

            config.routes.post(api.submitPath(), api.submit());
            getAndHead(config, api.taskPath(), api.getTask());
            getAndHead(config, "/files/{file}", api.videoFile());

            getAndHead(config, "/health", pages::health);
            getAndHead(config, "/openapi.yaml", pages::spec);
            getAndHead(config, "/docs", pages::docs);
            getAndHead(config, "/docs/openapi.json", pages::docsSpec);
            // Swagger UI's webjar is in the runnable jar, not in the JUnit extension's: there /docs lacks its assets.
            WebjarFiles webjars = WebjarFiles.ifPresent();
            if (webjars != null) {
                getAndHead(config, WebjarFiles.PATH, webjars);
            }
            config.routes.get("/", pages::root);
            for (String apiPath : List.of(api.submitPath(), api.taskPath())) {
                config.routes.before(apiPath, LocalCors::allowLocalOrigin);
                config.routes.options(apiPath, LocalCors::preflight);
            }

            config.routes.before(ctx -> {
                // Refusals drain unread bodies within the same upload limits as the handlers that read them.
                RequestScope.begin(ctx, journaling, uploads, slowBodies);
                // CONNECT asks for a tunnel: refuse it and close, or Jetty keeps the connection open for one.
                if ("CONNECT".equals(ctx.method().name())) {
                    UnreadBodies.refuseUnread(ctx);
                    Responder.send(ctx, Reply.error(ContractError.methodNotAllowed("CONNECT is not served here")));
                    ctx.skipRemainingHandlers();
                }
            });
            config.routes.before("/__admin/*", adminGuard);
            config.routes.get("/__admin/ui", dashboard::page);
            config.routes.get("/__admin/settings", dashboard::settings);
            config.routes.post("/__admin/reset", admin::reset);
            config.routes.get("/__admin/requests", admin::requests);
            config.routes.delete("/__admin/requests", admin::clearRequests);
            config.routes.get("/__admin/tasks", admin::tasks);
            config.routes.post("/__admin/tasks", admin::createTask);
            config.routes.post("/__admin/tasks/{task_id}/state", admin::forceState);
            config.routes.post("/__admin/outcomes", admin::planOutcome);
            config.routes.get("/__admin/outcomes", admin::queuedOutcomes);
            config.routes.delete("/__admin/outcomes", admin::clearOutcomes);
            config.routes.get("/__admin/clock", admin::clock);
            config.routes.post("/__admin/clock/advance", admin::advanceClock);

            config.routes.exception(HttpResponseException.class, (e, ctx) ->
                    Responder.send(ctx, Reply.error(ErrorMapping.of(e, ctx.method().name(), ctx.path(),
                            validator.maxBodyBytes()))));
            config.routes.exception(Exception.class, (e, ctx) -> {
                if (ClientFaults.isClientFault(e)) {
                    // A request cut short or badly framed: the client's fault, one line, no stack trace.
                    LOG.debug("Unusable request {} {}: {}", ctx.method().name(), ctx.path(), e.toString());
                    UnreadBodies.refuseUnread(ctx);
                    Responder.send(ctx, Reply.error(ContractError.invalidFormat("malformed HTTP request")));
                    return;
                }
                if (faultLog.admit()) {
                    LOG.error("Internal fault on {} {}", ctx.method().name(), ClientText.clip(ctx.path()), e);
                }
                Responder.send(ctx, Reply.error(ContractError.internalError()));
            });
        });
    }

    private static void getAndHead(io.javalin.config.JavalinConfig config, String path, io.javalin.http.Handler handler) {
        config.routes.get(path, handler);
        // HEAD is GET without the body (Jetty drops it), after the same checks: never a blind 200.
        config.routes.head(path, handler);
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** @return whether the admin API is open to anyone who can reach the port (bound beyond loopback, no token) */
    public boolean adminExposed() {
        return settings.adminToken() == null && !isLoopback(settings.host());
    }

    /** @return how many requests are being handled now, delayed answers included */
    public long requestsInFlight() {
        return graceful.getCurrentRequestCount();
    }

    /** @return the memory and concurrency limits of request bodies */
    public UploadLimits uploads() {
        return uploads;
    }

    /**
     * Builds a server on the spec packaged in the {@code openapi} jar; call {@link #start()}.
     *
     * @param settings how to behave
     * @return the server, not yet listening
     */
    public static MockServer create(Settings settings) {
        ServerWarmUp.start();
        ContractSpec spec = ContractSpec.load();
        return new MockServer(settings, PreparedContract.of(spec, EffectCatalog.load(spec)), null);
    }

    /**
     * Builds a server on another spec, e.g. a modified copy in a test.
     *
     * @param settings how to behave
     * @param spec     the contract to follow
     * @return the server, not yet listening
     */
    public static MockServer create(Settings settings, ContractSpec spec) {
        ServerWarmUp.start();
        return new MockServer(settings, PreparedContract.of(spec, EffectCatalog.load(spec)), null);
    }

    /**
     * Builds a server on another spec and catalog, e.g. a catalog without an effect, in a test.
     *
     * @param settings how to behave
     * @param spec     the contract to follow
     * @param catalog  the effects it knows
     * @return the server, not yet listening
     */
    public static MockServer create(Settings settings, ContractSpec spec, EffectCatalog catalog) {
        ServerWarmUp.start();
        return new MockServer(settings, PreparedContract.of(spec, catalog), null);
    }

    /** Builds a server on a contract compiled beforehand (by {@link Main}, on a second core). */
    static MockServer create(Settings settings, PreparedContract contract) {
        ServerWarmUp.start();
        return new MockServer(settings, contract, null);
    }

    /** Builds a server whose connections take their buffers from {@code buffers} (a test's checking pool). */
    static MockServer create(Settings settings, ContractSpec spec, ByteBufferPool buffers) {
        ServerWarmUp.start();
        return new MockServer(settings, PreparedContract.of(spec, EffectCatalog.load(spec)), buffers);
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

    /** Stops accepting, lets requests in flight finish for up to {@code --shutdown-grace}, then stops. */
    public void stop() {
        closeIdleConnections();
        // A slow body would dribble for up to a minute: it is a fault, nobody waits for its end.
        slowBodies.endAll();
        try {
            app.stop();
        } catch (RuntimeException e) {
            // Jetty reports requests still running when the grace period ends; they are cut, and that is all.
            LOG.warn("Stopped after the {} s shutdown grace with requests still in flight ({})",
                    settings.shutdownGrace().toSeconds(), String.valueOf(e.getCause() != null ? e.getCause() : e));
        }
    }

    /**
     * Gives the connections that carry no request (keep-alive ones between requests, half-sent headers) a
     * short idle timeout, so they close at once and do not hold the stop for its whole grace; a connection
     * whose request is in flight (an upload still arriving) keeps its timeout and finishes within the grace.
     */
    private void closeIdleConnections() {
        ServerConnector listening = connector;
        if (listening == null) {
            return;
        }
        for (EndPoint endPoint : listening.getConnectedEndPoints()) {
            Connection connection = endPoint.getConnection();
            if (connection == null || connection.getMessagesIn() <= connection.getMessagesOut()) {
                endPoint.setIdleTimeout(STOP_IDLE_MILLIS);
            }
        }
    }
}
