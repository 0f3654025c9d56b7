package io.megalogout.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import io.megalogout.TokenNeverLogged;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The HTTP door's settings for tests, in-process and against the packaged jar alike: two API keys of the caller
 * {@code default}, as during a rotation; four named callers ({@code acme} and {@code beta} with disjoint instances,
 * acme with two keys; {@code ops} with every instance; {@code metered}, with a small share of the door); plain http toward the
 * Mega-API stub (the packaged jar runs in the prod profile, which refuses it
 * otherwise); and, for the packaged jar, a free management port (in-process tests get one from the test profile).
 */
public class DoorSettingsForTests implements QuarkusTestResourceLifecycleManager {

    static final String KEY = TokenNeverLogged.API_KEY_PREFIX + "current-0001";
    static final String ROTATED_KEY = TokenNeverLogged.API_KEY_PREFIX + "next-000002";
    /** acme: {@code acme-*}. */
    static final String ACME_KEY = TokenNeverLogged.API_KEY_PREFIX + "acme-000001";
    static final String ACME_NEXT_KEY = TokenNeverLogged.API_KEY_PREFIX + "acme-000002";
    /** beta: {@code beta-*} and {@code shared-exact}. */
    static final String BETA_KEY = TokenNeverLogged.API_KEY_PREFIX + "beta-000001";
    /** ops: every instance. */
    static final String OPS_KEY = TokenNeverLogged.API_KEY_PREFIX + "ops-0000001";
    /** metered: {@code metered-*}, {@value #METERED_PER_MINUTE} keys a minute, one request at a time. */
    static final String METERED_KEY = TokenNeverLogged.API_KEY_PREFIX + "metered-001";
    static final int METERED_PER_MINUTE = 3;

    /** The callers' settings, as properties. */
    static final Map<String, String> CALLERS = Map.of(
            "http.callers.acme.api-keys", ACME_KEY + "," + ACME_NEXT_KEY,
            "http.callers.acme.instances", "acme-*",
            "http.callers.beta.api-keys", BETA_KEY,
            "http.callers.beta.instances", "beta-*, shared-exact",
            "http.callers.ops.api-keys", OPS_KEY,
            "http.callers.ops.instances", "*",
            "http.callers.metered.api-keys", METERED_KEY,
            "http.callers.metered.instances", "metered-*",
            "http.callers.metered.logouts-per-minute", String.valueOf(METERED_PER_MINUTE),
            "http.callers.metered.max-concurrent", "1");

    /** The system property through which {@link Door#management()} finds the packaged jar's management port. */
    static final String MANAGEMENT_PORT = "door.management.port";

    @Override
    public Map<String, String> start() {
        int managementPort = freePort();
        System.setProperty(MANAGEMENT_PORT, String.valueOf(managementPort));
        Map<String, String> settings = new HashMap<>(CALLERS);
        settings.putAll(Map.of("http.api-keys", KEY + "," + ROTATED_KEY, "megaapi.allow-plain-http", "true",
                "quarkus.management.port", String.valueOf(managementPort)));
        return settings;
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
