package dev.klingeffects.mock;

import dev.klingeffects.contract.CatalogRules;
import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.contract.EffectCatalog;
import dev.klingeffects.mock.validation.SubmitValidator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * What the mock compiles from the contract before it serves (the spec, the catalog, the submit validator),
 * none of which depends on the flags: so {@link Main} has it built on a second core while it reads them.
 */
record PreparedContract(ContractSpec spec, EffectCatalog catalog, SubmitValidator validator) {

    static PreparedContract of(ContractSpec spec, EffectCatalog catalog) {
        return new PreparedContract(spec, catalog, new SubmitValidator(spec, CatalogRules.from(spec, catalog)));
    }

    /** @return the contract packaged in the {@code openapi} jar, built on the caller's thread */
    static PreparedContract packaged() {
        ContractSpec spec = ContractSpec.load();
        return of(spec, EffectCatalog.load(spec));
    }

    /**
     * Starts building the packaged contract on a daemon thread.
     *
     * @return what waits for it and gives it whole, or throws what building it threw
     */
    static Supplier<PreparedContract> packagedAside() {
        FutureTask<PreparedContract> task = new FutureTask<>(PreparedContract::packaged);
        Thread thread = new Thread(task, "mock-contract");
        thread.setDaemon(true);
        thread.start();
        return () -> {
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the contract was loading", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            }
        };
    }
}
