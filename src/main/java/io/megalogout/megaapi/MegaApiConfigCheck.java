package io.megalogout.megaapi;

import java.util.Set;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Stops start-up on a call's bound that is not positive: a timeout or size limit of 0 would fail every request without
 * sending it. Which hosts and tokens may be used is checked beside them ({@code targets.TargetConfigCheck}).
 */
@Singleton
class MegaApiConfigCheck {

    void onStart(@Observes StartupEvent event, MegaApiConfig config) {
        check(config);
    }

    static void check(MegaApiConfig config) {
        positive("megaapi.connect-timeout-ms", config.connectTimeoutMs());
        positive("megaapi.read-timeout-ms", config.readTimeoutMs());
        positive("megaapi.logout-timeout-ms", config.logoutTimeoutMs());
        positive("megaapi.max-response-bytes", config.maxResponseBytes());
    }

    private static void positive(String property, long value) {
        if (value <= 0) {
            throw new ConfigurationException(property + " must be greater than 0", Set.of(property));
        }
    }
}
