package io.megalogout.http;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** API keys switched off explicitly, with none configured. */
public class AuthSwitchedOffProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("http.auth.enabled", "false");
    }
}
