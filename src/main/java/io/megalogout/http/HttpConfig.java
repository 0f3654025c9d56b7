package io.megalogout.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import io.quarkus.runtime.annotations.RegisterForReflection;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The HTTP door's own settings. */
@ConfigMapping(prefix = "http")
interface HttpConfig {

    /**
     * The API keys of the caller named {@code default}, which may act on every instance: a single-tenant deployment's
     * keys. Secret: comma-separated in {@code HTTP_API_KEYS}, or a file {@code http.api-keys} in the secrets directory.
     * Two at once let a key be rotated without downtime.
     */
    Optional<List<ApiKey>> apiKeys();

    /** Named callers, each with its own keys and the instances it may act on: see {@link Callers}. */
    Map<String, CallerSettings> callers();

    /** One named caller's settings, {@code http.callers.<name>.*}. */
    interface CallerSettings {

        /** Its API keys (secret): one, or two during a rotation. Required. */
        Optional<List<ApiKey>> apiKeys();

        /**
         * The instances it may act on, comma-separated: an exact instance key, a prefix ending in {@code *}, or {@code *}
         * alone for every instance. Required: a caller with no scope is refused at start-up rather than given all.
         */
        Optional<List<String>> instances();

        /** The most keys it may log out (or read) per minute, each key of a bulk counting one; none when unset. */
        OptionalInt logoutsPerMinute();

        /** The most of the door's running places it holds at once; by default half of them. */
        OptionalInt maxConcurrent();
    }

    Auth auth();

    interface Auth {

        /** Set to {@code false} explicitly to serve without API keys (a WARN at every start says so). */
        @WithDefault("true")
        boolean enabled();
    }

    /**
     * One API key. Built by SmallRye Config's implicit converter, which must never fail (its error would print the
     * value); {@link ApiKeys} checks the form and names only the property.
     */
    // Native image: SmallRye Config builds it by reflection (its implicit converter calls the String constructor).
    @RegisterForReflection
    record ApiKey(String value) {

        /**
         * The key's SHA-256, what keys are compared by: equal-length digests compared in constant time show neither a
         * key's content nor its length.
         */
        byte[] digest() {
            try {
                return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }

        @Override
        public String toString() {
            return "ApiKey[***]";
        }
    }
}
