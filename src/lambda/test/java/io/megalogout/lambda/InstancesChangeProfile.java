package io.megalogout.lambda;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The instances source read again for every request that asks (no wait between reads, a copy trusted 1 ms): what the
 * defaults (5 s, 5 minutes) do later, at once, so that a test sees each change take effect without waiting.
 */
public class InstancesChangeProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("megaapi.instances-recheck-ms", "0", "megaapi.instances-max-age-ms", "1");
    }
}
