package io.megalogout.logout;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Bulk events ({@code "instanceKeys"}) and SQS batches: how many keys run at once. How many one event may hold is the
 * event reader's ({@code bulk.max-keys}).
 */
@ConfigMapping(prefix = "bulk")
public interface BulkConfig {

    /**
     * The most requests one invocation (a bulk, or every message of one SQS batch together) has in flight toward
     * Mega-API; the keys start in the order given as places free up. 8: at most 8 connections at once to the
     * customer's one host, whose rate limits are not published; 8 at once keep a bulk of 100 well
     * inside the deadline without looking like a flood, and leave the circuit breaker (4 failures in 5 attempts on
     * Lambda) a chance to stop a failing batch after about one round.
     */
    @WithDefault("8")
    int concurrency();
}
