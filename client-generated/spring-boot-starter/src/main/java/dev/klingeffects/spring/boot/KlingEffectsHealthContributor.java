package dev.klingeffects.spring.boot;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/** The {@link KlingEffectsHealthProbe} as Spring Boot 4's {@link HealthIndicator}. */
final class KlingEffectsHealthContributor implements HealthIndicator {

    private final KlingEffectsHealthProbe probe;

    KlingEffectsHealthContributor(KlingEffectsHealthProbe probe) {
        this.probe = probe;
    }

    @Override
    public Health health() {
        KlingEffectsHealthProbe.Result result = probe.check();
        return Health.status(new Status(result.status())).withDetails(result.details()).build();
    }
}
