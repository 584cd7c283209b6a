package dev.klingeffects.contracttests.support;

import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.mock.MockServer;
import dev.klingeffects.mock.config.SettingsParser;
import dev.klingeffects.mock.junit5.MockAdmin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The mock server started inside the test JVM on a free port; driven through its typed admin client. */
public final class InProcessMock implements AutoCloseable {

    private final MockServer server;
    private final MockAdmin admin;

    private InProcessMock(MockServer server) {
        this.server = server;
        this.admin = new MockAdmin(server.baseUrl());
    }

    /** Starts the mock with these flags on top of: port 0, no access log, fixed seed, frozen clock. */
    public static InProcessMock start(String... flags) {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--access-log", "false", "--seed", "7",
                "--frozen-clock", "true"));
        args.addAll(List.of(flags));
        ContractSpec spec = ContractSpec.load();
        var settings = SettingsParser.parse(args.toArray(String[]::new), Map.of(), spec.modellix());
        return new InProcessMock(MockServer.create(settings, spec).start());
    }

    /** @return the port */
    public int port() {
        return server.port();
    }

    /** @return {@code http://127.0.0.1:port} */
    public String baseUrl() {
        return server.baseUrl();
    }

    /** @return the typed admin client of this mock (from the kling-effects-mock-junit5 artifact) */
    public MockAdmin admin() {
        return admin;
    }

    @Override
    public void close() {
        server.stop();
    }
}
