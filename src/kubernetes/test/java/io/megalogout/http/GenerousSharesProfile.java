package io.megalogout.http;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The usual settings in an application of their own, with a minute of logouts that a test cannot use up. */
public class GenerousSharesProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("http.callers.metered.logouts-per-minute", "1000");
    }
}
