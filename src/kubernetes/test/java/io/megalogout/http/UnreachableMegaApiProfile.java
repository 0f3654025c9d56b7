package io.megalogout.http;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Mega-API at an address where nothing listens: every connection is refused, and logouts give up after 2 s. */
public class UnreachableMegaApiProfile implements QuarkusTestProfile {

    static final int PORT = DoorSettingsForTests.freePort();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("megaapi.base-url", "http://127.0.0.1:" + PORT, "megaapi.token", "unreachable-fake-token",
                "megaapi.logout-timeout-ms", "2000");
    }
}
