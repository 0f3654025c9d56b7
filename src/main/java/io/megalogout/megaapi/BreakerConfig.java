package io.megalogout.megaapi;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The circuit breakers {@link HostBreakers} keeps for each Mega-API host, one for logouts and one for status reads.
 * The defaults suit one Lambda invocation at a time; the HTTP door, with many logouts in flight, sets its own.
 */
@ConfigMapping(prefix = "megaapi.circuit-breaker")
interface BreakerConfig {

    /** The breaker of each host's logouts. */
    Kind logout();

    /** The breaker of each host's status reads (dry runs, confirmed logouts). */
    Kind status();

    /** One breaker's settings, SmallRye Fault Tolerance's own. */
    interface Kind {

        /** How many of the last attempts are looked at. */
        @WithDefault("5")
        int requestVolumeThreshold();

        /** The share of those that must have failed on Mega-API's side to open the breaker: 4 of 5. */
        @WithDefault("0.8")
        double failureRatio();

        /** How long an open breaker sends nothing before one trial request decides. */
        @WithDefault("30s")
        Duration delay();

        /** Trial requests that must succeed to close it again. */
        @WithDefault("1")
        int successThreshold();
    }
}
