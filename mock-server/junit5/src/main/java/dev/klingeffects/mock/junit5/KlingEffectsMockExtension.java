package dev.klingeffects.mock.junit5;

import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.mock.MockServer;
import dev.klingeffects.mock.config.Settings;
import dev.klingeffects.mock.config.SettingsParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The Kling effects mock, in-process on a free port, for tests of code that calls the API:
 *
 * <pre>{@code
 * @RegisterExtension
 * static KlingEffectsMockExtension mock = KlingEffectsMockExtension.create(); // random port, tasks end in ~1 s
 * ...
 * client.submitAndAwait(request, Duration.ofSeconds(10)); // finishes on its own
 * mock.baseUrl(); mock.failNext("reason"); mock.requests().assertSubmits(1);
 * }</pre>
 *
 * <p>By default the mock's clock follows the wall clock and a task ends about a second after its submit
 * (200 ms pending, 800 ms processing), as with the Spring test slice's {@code @AutoConfigureKlingEffectsMock}.
 * {@link Builder#frozenClock()} stops time except through {@link #advance}, for tests that must see a task
 * in one state for as long as they like.
 *
 * <p>In a {@code static} field one mock serves the whole class (its {@code @Nested} classes included) and is
 * reset before each test. In an instance field each test gets a mock of its own: use that for tests that run
 * in parallel. The declarative form is {@link KlingEffectsMockTest} on the class. Either way, test and
 * lifecycle methods may take the mock's {@link MockAdmin} and its base URL
 * ({@link KlingEffectsMockBaseUrl @KlingEffectsMockBaseUrl} {@code String}) as parameters.
 */
public final class KlingEffectsMockExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final List<String> DEFAULTS = List.of("--port", "0", "--access-log", "false", "--seed", "1",
            "--shutdown-grace", "1");
    /**
     * The {@code qa} profile's timing here: quick enough for {@code submitAndAwait} to finish on its own (pending,
     * then processing). Given before the test's own flags, which override it.
     */
    private static final List<String> QUICK_TASKS = List.of("--pending-ms", "200", "--processing-ms", "800");

    /** The flags to start with; null until {@link KlingEffectsMockTest} is read, for the declarative form. */
    private List<String> flags;
    private MockServer server;
    private MockAdmin admin;
    /** How many class-level scopes (the class, then each {@code @Nested} class) are using the running mock. */
    private int classScopes;

    private KlingEffectsMockExtension(List<String> flags) {
        this.flags = List.copyOf(flags);
    }

    /** JUnit creates the extension this way for {@link KlingEffectsMockTest}; the settings come from the annotation. */
    KlingEffectsMockExtension() {
        this.flags = null;
    }

    /** @return a mock on a free port with the {@code qa} profile, accepting any key, whose tasks end about 1 s after their submit */
    public static KlingEffectsMockExtension create() {
        return builder().build();
    }

    /** @return a builder for other settings */
    public static Builder builder() {
        return new Builder();
    }

    /** Settings of the mock; every flag of the mock's {@code --help} can be given. */
    public static final class Builder {
        private final List<String> flags = new ArrayList<>(DEFAULTS);

        private Builder() {}

        /** Accept only these API keys (default: any non-empty key). @return this */
        public Builder apiKeys(String... keys) {
            for (String key : keys) {
                flag("api-key", key);
            }
            return this;
        }

        /**
         * Upstream's timing and limits (30 to 120 s processing, 100 requests/min, 3 unfinished tasks per key, 5 %
         * failures) instead of tasks that end in a second. @return this
         */
        public Builder realisticProfile() {
            return flag("profile", "realistic");
        }

        /**
         * Time stands still: it moves only with {@link KlingEffectsMockExtension#advance} (a task ends 1 s of
         * mock time after its submit), so a test sees a task in one state for as long as it likes. @return this
         */
        public Builder frozenClock() {
            return flag("frozen-clock", "true");
        }

        /** The mock's time follows the wall clock: the default, undoing {@link #frozenClock()}. @return this */
        public Builder wallClock() {
            return flag("frozen-clock", "false");
        }

        /** Any flag of the mock, e.g. {@code flag("concurrent-limit", "3")}. @return this */
        public Builder flag(String name, String value) {
            flags.add("--" + name);
            flags.add(value);
            return this;
        }

        /** Flags as on the command line, e.g. {@code flags("--api-key", "k", "--rate-limit", "100")}. @return this */
        public Builder flags(String... flagsAndValues) {
            flags.addAll(List.of(flagsAndValues));
            return this;
        }

        /** @return the extension, to register with {@code @RegisterExtension} */
        public KlingEffectsMockExtension build() {
            return new KlingEffectsMockExtension(flags);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // A @Nested class runs inside its outer class's scope: it shares the outer class's mock.
        if (classScopes++ == 0) {
            start(context);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (classScopes > 0 && context.getExecutionMode() == ExecutionMode.CONCURRENT) {
            // One mock serves the class and is reset before each test: concurrent tests would reset and count
            // each other's requests and fail for reasons nobody could see.
            throw new ExtensionConfigurationException("the Kling effects mock is shared by the tests of "
                    + context.getRequiredTestClass().getSimpleName() + " and reset before each, so they cannot run "
                    + "concurrently: give each test its own mock with an instance field (@RegisterExtension "
                    + "KlingEffectsMockExtension mock = KlingEffectsMockExtension.create();), or run the class "
                    + "with @Execution(ExecutionMode.SAME_THREAD)");
        }
        if (server == null) {
            start(context);
        } else {
            admin.reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (classScopes == 0) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (--classScopes == 0) {
            stop();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == MockAdmin.class || parameter.isAnnotated(KlingEffectsMockBaseUrl.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == MockAdmin.class) {
            return admin();
        }
        if (type != String.class) {
            // Claimed rather than left to JUnit, whose "no ParameterResolver registered" would not say why.
            throw new ParameterResolutionException("@KlingEffectsMockBaseUrl gives the mock's base URL as a String, "
                    + "e.g. http://127.0.0.1:41234, but " + parameter.getDeclaringExecutable().getName() + "() takes it as "
                    + type.getSimpleName() + " (for the port, use mock.port() on a registered extension)");
        }
        return baseUrl();
    }

    private void start(ExtensionContext context) {
        if (flags == null) {
            flags = declared(context);
        }
        List<String> args = new ArrayList<>();
        if (!realistic(flags)) {
            args.addAll(QUICK_TASKS);
        }
        args.addAll(flags);
        ContractSpec spec = ContractSpec.load();
        Settings settings = SettingsParser.parse(args.toArray(String[]::new), Map.of(), spec.modellix());
        server = MockServer.create(settings, spec).start();
        admin = new MockAdmin(server.baseUrl(), settings.adminToken());
    }

    /** The flags {@link KlingEffectsMockTest} on the test class (or a class around it) gives. */
    private static List<String> declared(ExtensionContext context) {
        for (ExtensionContext scope = context; scope != null; scope = scope.getParent().orElse(null)) {
            Optional<KlingEffectsMockTest> found = scope.getTestClass()
                    .flatMap(type -> AnnotationSupport.findAnnotation(type, KlingEffectsMockTest.class));
            if (found.isPresent()) {
                KlingEffectsMockTest declared = found.get();
                Builder builder = builder();
                if (declared.frozenClock()) {
                    builder.frozenClock();
                }
                return builder.apiKeys(declared.apiKeys()).flags(declared.flags()).flags;
            }
        }
        throw new IllegalStateException("no @KlingEffectsMockTest on " + context.getDisplayName()
                + ": register the extension with @RegisterExtension and KlingEffectsMockExtension.create() instead");
    }

    /** The realistic profile keeps upstream's timing; only the qa profile's tasks end in a second here. */
    private static boolean realistic(List<String> flags) {
        String profile = "qa";
        for (int i = 0; i < flags.size(); i++) {
            if (flags.get(i).equals("--profile") && i + 1 < flags.size()) {
                profile = flags.get(i + 1);
            } else if (flags.get(i).startsWith("--profile=")) {
                profile = flags.get(i).substring("--profile=".length());
            }
        }
        return profile.equals("realistic");
    }

    private void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    private MockServer running() {
        if (server == null) {
            throw new IllegalStateException("the mock is not running: register the extension with @RegisterExtension "
                    + "and use it inside a test");
        }
        return server;
    }

    /** @return the base URL to give the code under test, e.g. {@code http://127.0.0.1:41234} */
    public String baseUrl() {
        return running().baseUrl();
    }

    /** @return the port the mock listens on */
    public int port() {
        return running().port();
    }

    /** @return the typed admin client of this mock */
    public MockAdmin admin() {
        running();
        return admin;
    }

    /**
     * Moves the mock's clock forward, in both modes: with a {@linkplain Builder#frozenClock() frozen clock} it is the
     * only way the mock's time moves; with the wall clock (the default) it jumps ahead of it. A task is done 1 s
     * of mock time after its submit (the {@code qa} profile here), so {@code advance(Duration.ofSeconds(1))} ends
     * every task submitted before it.
     */
    public void advance(Duration by) {
        admin().advanceClock(by);
    }

    /** The next submitted task fails with this {@code error_message}. */
    public void failNext(String errorMessage) {
        admin().failNext(errorMessage);
    }

    /** The next request is answered with this network fault after the mock did its work (see {@link MockAdmin#faultNext(MockFault)}). */
    public void faultNext(MockFault fault) {
        admin().faultNext(fault);
    }

    /** The next request is answered with this network fault, {@code BEFORE} or {@code AFTER} the mock's work. */
    public void faultNext(MockFault fault, MockFault.When when) {
        admin().faultNext(fault, when);
    }

    /**
     * Checks that the mock recorded at least one request matching the pattern, e.g.
     * {@code mock.verify(RequestPattern.submitted().effect("bullet_time").field("duration", 10))}.
     *
     * @throws AssertionError naming the closest recorded request and what differed, when none matches
     */
    public void verify(RequestPattern pattern) {
        admin().verify(pattern);
    }

    /** Checks that exactly {@code times} recorded requests match the pattern. */
    public void verify(int times, RequestPattern pattern) {
        admin().verify(times, pattern);
    }

    /** @return the requests the mock answered since the test began, with checks such as {@code assertSubmits(1)} */
    public RecordedRequests requests() {
        return admin().requests();
    }

    /** @return the tasks the mock holds */
    public List<MockTask> tasks() {
        return admin().tasks();
    }
}
