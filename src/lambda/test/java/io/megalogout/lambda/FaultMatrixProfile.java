package io.megalogout.lambda;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** A read timeout shorter than the Lambda deadlines the fault matrix uses, so both limits show. */
public class FaultMatrixProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("megaapi.connect-timeout-ms", "1000", "megaapi.read-timeout-ms", "1000",
                "lambda.deadline-margin-ms", "500");
    }
}
