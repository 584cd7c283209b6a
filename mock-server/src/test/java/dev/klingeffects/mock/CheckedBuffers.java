package dev.klingeffects.mock;

import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.mock.config.Settings;
import dev.klingeffects.mock.support.HandOutCheckingPool;

/** Builds mocks on a {@link HandOutCheckingPool}, for the test support outside this package. */
public final class CheckedBuffers {

    private CheckedBuffers() {}

    /** @return a mock, not yet started, whose connections take their buffers from {@code buffers} */
    public static MockServer create(Settings settings, ContractSpec spec, HandOutCheckingPool buffers) {
        return MockServer.create(settings, spec, buffers);
    }
}
