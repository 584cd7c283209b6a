package dev.klingeffects.client.micrometer;

import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.mock.MockServer;
import dev.klingeffects.mock.config.SettingsParser;
import java.util.Map;

/** The mock these tests call: a free port, a fixed seed, and tasks that end within half a second. */
final class ShortTaskMock {

    private ShortTaskMock() {}

    static MockServer start() {
        ContractSpec spec = ContractSpec.load();
        return MockServer.create(SettingsParser.parse(new String[] {"--port", "0", "--access-log", "false", "--seed", "1",
                "--pending-ms", "100", "--processing-ms", "300", "--shutdown-grace", "1"}, Map.of(), spec.modellix()), spec).start();
    }
}
