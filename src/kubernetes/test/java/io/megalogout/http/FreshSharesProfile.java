package io.megalogout.http;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The usual settings in an application of their own: callers' shares (a minute's logouts, places) that no other test
 * class has spent.
 */
public class FreshSharesProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of();
    }
}
