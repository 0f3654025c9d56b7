package io.megalogout.http;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** A breaker that opens after two failures in a row, and stays open for a minute; logouts time out after 2 s. */
public class PausedMegaApiProfile implements QuarkusTestProfile {

    static final long TIMEOUT_MS = 2_000;

    @Override
    public Map<String, String> getConfigOverrides() {
        String breaker = "quarkus.fault-tolerance.\"io.megalogout.megaapi.LogoutAttempts/logout\".circuit-breaker.";
        return Map.of(breaker + "request-volume-threshold", "2", breaker + "failure-ratio", "1.0",
                breaker + "delay", "60", breaker + "delay-unit", "seconds",
                "megaapi.logout-timeout-ms", String.valueOf(TIMEOUT_MS));
    }
}
