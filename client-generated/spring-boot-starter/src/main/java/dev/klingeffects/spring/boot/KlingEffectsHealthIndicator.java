package dev.klingeffects.spring.boot;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/** The {@link KlingEffectsHealthProbe} as Spring Boot 3's {@link HealthIndicator}. */
final class KlingEffectsHealthIndicator implements HealthIndicator {

    private final KlingEffectsHealthProbe probe;

    KlingEffectsHealthIndicator(KlingEffectsHealthProbe probe) {
        this.probe = probe;
    }

    @Override
    public Health health() {
        KlingEffectsHealthProbe.Result result = probe.check();
        return Health.status(new Status(result.status())).withDetails(result.details()).build();
    }
}
