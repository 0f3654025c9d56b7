package io.megalogout.http;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Breakers (the logouts' and the status reads') that open after two failures in a row, and stay open for a minute;
 * logouts time out after 2 s.
 */
public class PausedMegaApiProfile implements QuarkusTestProfile {

    static final long TIMEOUT_MS = 2_000;

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(Map.of("megaapi.logout-timeout-ms", String.valueOf(TIMEOUT_MS)));
        for (String call : new String[] { "logout", "status" }) {
            String breaker = "megaapi.circuit-breaker." + call + ".";
            overrides.putAll(Map.of(breaker + "request-volume-threshold", "2", breaker + "failure-ratio", "1.0",
                    breaker + "delay", "60s"));
        }
        return overrides;
    }
}
