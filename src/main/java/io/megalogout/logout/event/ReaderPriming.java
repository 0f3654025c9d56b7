package io.megalogout.logout.event;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;

/**
 * Reads one made-up event at start-up, so that the first request does not pay for loading the strict reader's classes
 * (UTF-8 check, Jackson's tree, the field rules). Reads only: nothing is logged, run or sent. {@code megaapi.prime}, as
 * for the client's priming: read by name, since the use case does not depend on the Mega-API client's package.
 */
@ApplicationScoped
class ReaderPriming {

    private static final byte[] EVENT = "{\"instanceKey\":\"priming\",\"dryRun\":true}".getBytes(StandardCharsets.UTF_8);

    private final LogoutEventReader events;
    private final boolean enabled;

    ReaderPriming(LogoutEventReader events, @ConfigProperty(name = "megaapi.prime") boolean enabled) {
        this.events = events;
        this.enabled = enabled;
    }

    void prime(@Observes StartupEvent started) {
        if (enabled) {
            events.read(new ByteArrayInputStream(EVENT));
        }
    }
}
