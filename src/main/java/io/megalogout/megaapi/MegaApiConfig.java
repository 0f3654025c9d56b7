package io.megalogout.megaapi;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How a call to Mega-API is bounded: its timeouts, the size of an answer, and priming. Which host and token a key's call
 * uses is {@code megaapi.targets.TargetConfig}, how long connections are kept {@code megaapi.connection.ConnectionConfig}
 * (same prefix). {@code application.properties} hands the timeouts to the REST client
 * {@code quarkus.rest-client.megaapi.*}; {@link MegaApiConfigCheck} refuses values that are not positive at start-up.
 */
@ConfigMapping(prefix = "megaapi")
public interface MegaApiConfig {

    /** Milliseconds to wait for the TCP connection, per attempt. */
    @WithDefault("2000")
    long connectTimeoutMs();

    /** Milliseconds without a byte from Mega-API after which an attempt is abandoned (an idle timeout, per attempt). */
    @WithDefault("10000")
    long readTimeoutMs();

    /**
     * Milliseconds one logout may take in all, every attempt and wait between attempts included. The door's own
     * deadline (on Lambda, the invocation's remaining time less {@code lambda.deadline-margin-ms}) shortens it.
     */
    @WithDefault("20000")
    long logoutTimeoutMs();

    /**
     * The largest answer body read from Mega-API, in bytes. A 2xx answer over it is refused as outside the contract (the
     * contract's answer is about a hundred bytes); an error answer is read up to it for its message.
     */
    @WithDefault("16384")
    int maxResponseBytes();

    /**
     * Prime the client at start-up ({@link ClientPriming}): class loading and the first request's set-up move from the
     * first request into start-up, with no request to Mega-API. Off by default: the HTTP door starts once and serves for
     * long; the Lambda door's build turns it on, since every new execution environment's first logout would pay it.
     */
    @WithDefault("false")
    boolean prime();
}
