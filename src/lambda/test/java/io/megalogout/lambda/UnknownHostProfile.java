package io.megalogout.lambda;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** A base URL whose host does not resolve (.invalid is reserved for that, RFC 2606). */
public class UnknownHostProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("megaapi.base-url", "http://megaapi.invalid", "megaapi.token", "unknown-host-fake-token");
    }
}
