package dev.klingeffects.mock.junit5;

import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.mock.MockServer;
import dev.klingeffects.mock.config.Settings;
import dev.klingeffects.mock.config.SettingsParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Kling effects mock, in-process on a free port, for tests of code that calls the API:
 *
 * <pre>{@code
 * @RegisterExtension
 * static KlingEffectsMockExtension mock = KlingEffectsMockExtension.create(); // random port, frozen clock
 * ...
 * mock.baseUrl(); mock.advance(Duration.ofSeconds(5)); mock.failNext("reason"); mock.requests().assertSubmits(1);
 * }</pre>
 *
 * <p>In a {@code static} field one mock serves the whole class and is reset before each test. In an
 * instance field each test gets a mock of its own: use that for tests that run in parallel.
 */
public final class KlingEffectsMockExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final List<String> flags;
    private MockServer server;
    private MockAdmin admin;
    private boolean perClass;

    private KlingEffectsMockExtension(List<String> flags) {
        this.flags = List.copyOf(flags);
    }

    /** @return a mock on a free port with a frozen clock and the {@code qa} profile, accepting any key */
    public static KlingEffectsMockExtension create() {
        return builder().build();
    }

    /** @return a builder for other settings */
    public static Builder builder() {
        return new Builder();
    }

    /** Settings of the mock; every flag of the mock's {@code --help} can be given. */
    public static final class Builder {
        private final List<String> flags = new ArrayList<>(List.of("--port", "0", "--frozen-clock", "true",
                "--access-log", "false", "--seed", "1", "--shutdown-grace", "1"));

        private Builder() {}

        /** Accept only these API keys (default: any non-empty key). @return this */
        public Builder apiKeys(String... keys) {
            for (String key : keys) {
                flag("api-key", key);
            }
            return this;
        }

        /** Upstream's timing and limits (100 requests/min, 3 unfinished tasks per key, 5 % failures). @return this */
        public Builder realisticProfile() {
            return flag("profile", "realistic");
        }

        /** Let the mock's time follow the wall clock instead of moving only with {@link #advance}. @return this */
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
        perClass = true;
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (server == null) {
            start();
        } else {
            admin.reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private void start() {
        ContractSpec spec = ContractSpec.load();
        Settings settings = SettingsParser.parse(flags.toArray(String[]::new), Map.of(), spec.modellix());
        server = MockServer.create(settings, spec).start();
        admin = new MockAdmin(server.baseUrl(), settings.adminToken());
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

    /** Moves the mock's clock (a task is done 5 s after its submit in the default profile). */
    public void advance(Duration by) {
        admin().advanceClock(by);
    }

    /** The next submitted task fails with this {@code error_message}. */
    public void failNext(String errorMessage) {
        admin().failNext(errorMessage);
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
