package io.megalogout.lambda;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The production circuit breaker, but open for 300 ms instead of 30 s, so a test can see it close again. */
public class ShortCircuitBreakerProfile implements QuarkusTestProfile {

    static final long OPEN_MS = 300;

    @Override
    public Map<String, String> getConfigOverrides() {
        String breaker = "quarkus.fault-tolerance.\"io.megalogout.megaapi.LogoutAttempts/logout\".circuit-breaker.";
        return Map.of(breaker + "delay", String.valueOf(OPEN_MS), breaker + "delay-unit", "millis");
    }
}
