package dev.klingeffects.mock.support;

import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.mock.MockServer;
import dev.klingeffects.mock.config.SettingsParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A real mock server on a free port, for one test class. */
public final class RunningMock implements AutoCloseable {

    private final MockServer server;
    private final SpecCheckedClient client;

    private RunningMock(MockServer server, ContractSpec spec) {
        this.server = server;
        this.client = new SpecCheckedClient(server.baseUrl(), spec);
    }

    /** Starts the mock with these flags on top of: port 0, no access log, a fixed seed. */
    public static RunningMock start(String... flags) {
        return start(ContractSpec.load(), flags);
    }

    /** Starts the mock on another spec. */
    public static RunningMock start(ContractSpec spec, String... flags) {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--access-log", "false", "--seed", "42"));
        args.addAll(List.of(flags));
        var settings = SettingsParser.parse(args.toArray(String[]::new), Map.of(), spec.modellix());
        return new RunningMock(MockServer.create(settings, spec).start(), spec);
    }

    /** @return a client whose every API response is checked against the spec */
    public SpecCheckedClient client() {
        return client;
    }

    /** @return {@code http://127.0.0.1:port} */
    public String baseUrl() {
        return server.baseUrl();
    }

    /** Forgets tasks, journal, limits and clock offset. */
    public void reset() {
        client.post("/__admin/reset", "{}", Map.of());
    }

    /** Moves the mock's clock forward. */
    public void advanceClock(long millis) {
        client.post("/__admin/clock/advance", "{\"millis\": " + millis + "}", Map.of());
    }

    @Override
    public void close() {
        server.stop();
    }
}
