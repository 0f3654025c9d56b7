package io.megalogout.http;

import java.util.HashMap;
import java.util.Map;

import io.megalogout.logout.QuickConfirmProfile;
import io.megalogout.megaapi.MegaApiStub;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Two of beta's instances that this deployment routes apart from the others, both on the stub's host given as their
 * own: {@value #OWN_KEY} with a token of its own, {@value #HOST_ONLY_KEY} without one (so not served at all). And a
 * confirmed logout's poll in milliseconds ({@link QuickConfirmProfile}).
 */
public class CallersProfile implements QuarkusTestProfile {

    static final String OWN_KEY = "beta-own";
    static final String HOST_ONLY_KEY = "beta-host-only";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(new QuickConfirmProfile().getConfigOverrides());
        config.putAll(Map.of("megaapi.instances.\"" + OWN_KEY + "\".base-url", "${megaapi.base-url}",
                "megaapi.instances.\"" + OWN_KEY + "\".token", MegaApiStub.ROTATED_TOKEN,
                "megaapi.instances.\"" + HOST_ONLY_KEY + "\".base-url", "${megaapi.base-url}"));
        return config;
    }
}
