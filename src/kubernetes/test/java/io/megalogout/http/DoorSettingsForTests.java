package io.megalogout.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import io.megalogout.TokenNeverLogged;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The HTTP door's settings for tests, in-process and against the packaged jar alike: two API keys, as during a
 * rotation; plain http toward the Mega-API stub (the packaged jar runs in the prod profile, which refuses it
 * otherwise); and, for the packaged jar, a free management port (in-process tests get one from the test profile).
 */
public class DoorSettingsForTests implements QuarkusTestResourceLifecycleManager {

    static final String KEY = TokenNeverLogged.API_KEY_PREFIX + "current-0001";
    static final String ROTATED_KEY = TokenNeverLogged.API_KEY_PREFIX + "next-000002";

    /** The system property through which {@link Door#management()} finds the packaged jar's management port. */
    static final String MANAGEMENT_PORT = "door.management.port";

    @Override
    public Map<String, String> start() {
        int managementPort = freePort();
        System.setProperty(MANAGEMENT_PORT, String.valueOf(managementPort));
        return Map.of("http.api-keys", KEY + "," + ROTATED_KEY, "megaapi.allow-plain-http", "true",
                "quarkus.management.port", String.valueOf(managementPort));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
    }
}
