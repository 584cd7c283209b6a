package dev.klingeffects.mock.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.mock.CheckedBuffers;
import dev.klingeffects.mock.MockServer;
import dev.klingeffects.mock.config.SettingsParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real mock server on a free port. Either {@link #start} it (try-with-resources), or register
 * {@link #perClass} with {@code @RegisterExtension} to run one for a whole test class. Its connections take
 * their buffers from a {@link HandOutCheckingPool}: a buffer that reached two holders fails its close.
 */
public final class RunningMock implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    private final ContractSpec spec;
    private final String[] flags;
    private final HandOutCheckingPool buffers = new HandOutCheckingPool();
    private MockServer server;
    private SpecCheckedClient client;

    private RunningMock(ContractSpec spec, String... flags) {
        this.spec = spec;
        this.flags = flags;
    }

    /** Starts the mock with these flags on top of: port 0, no access log, a fixed seed, 1 s shutdown grace. */
    public static RunningMock start(String... flags) {
        return start(ContractSpec.load(), flags);
    }

    /** Starts the mock on another spec. */
    public static RunningMock start(ContractSpec spec, String... flags) {
        RunningMock mock = new RunningMock(spec, flags);
        mock.open();
        return mock;
    }

    /** A mock started before the test class's tests and stopped after them. */
    public static RunningMock perClass(String... flags) {
        return new RunningMock(ContractSpec.load(), flags);
    }

    private void open() {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--access-log", "false", "--seed", "42",
                "--shutdown-grace", "1"));
        args.addAll(List.of(flags));
        var settings = SettingsParser.parse(args.toArray(String[]::new), Map.of(), spec.modellix());
        server = CheckedBuffers.create(settings, spec, buffers).start();
        client = new SpecCheckedClient(server.baseUrl(), spec);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        open();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** @return a client whose every API response is checked against the spec */
    public SpecCheckedClient client() {
        return client;
    }

    /** @return the port it listens on */
    public int port() {
        return server.port();
    }

    /** @return the server itself */
    public MockServer server() {
        return server;
    }

    /** @return {@code http://127.0.0.1:port} */
    public String baseUrl() {
        return server.baseUrl();
    }

    /** Forgets tasks, journal, limits and clock offset. */
    public void reset() {
        client.post("/__admin/reset", "{}", Map.of());
    }

    /** @return the journal's newest entry */
    public JsonNode newestJournalEntry() {
        return client.get("/__admin/requests?order=newest&limit=1", Map.of()).json().path("requests").get(0);
    }

    /** Moves the mock's clock forward. */
    public void advanceClock(long millis) {
        client.post("/__admin/clock/advance", "{\"millis\": " + millis + "}", Map.of());
    }

    @Override
    public void close() {
        server.stop();
        // Certain where the symptom is not: a stale release fails here, whether or not two writes met in its buffer.
        assertThat(buffers.reports()).as("buffers that reached two holders").isEmpty();
    }
}
