package io.megalogout.lambda;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A read timeout shorter than the Lambda deadlines the fault matrix uses, so both limits show; a short connection reuse
 * window, so that a freeze past it takes little of the test's time.
 */
public class FaultMatrixProfile implements QuarkusTestProfile {

    static final long CONNECTION_REUSE_MS = 500;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("megaapi.connect-timeout-ms", "1000", "megaapi.read-timeout-ms", "1000",
                "lambda.deadline-margin-ms", "500", "megaapi.connection-reuse-ms",
                String.valueOf(CONNECTION_REUSE_MS));
    }
}
