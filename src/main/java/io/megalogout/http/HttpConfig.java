package io.megalogout.http;

import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.annotations.RegisterForReflection;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The HTTP door's own settings. */
@ConfigMapping(prefix = "http")
interface HttpConfig {

    /**
     * The API keys callers may present as {@code Authorization: Bearer <key>}, secret: comma-separated in
     * {@code HTTP_API_KEYS}, or a file {@code http.api-keys} in the secrets directory. Two at once let a key be rotated
     * without downtime.
     */
    Optional<List<ApiKey>> apiKeys();

    Auth auth();

    interface Auth {

        /** Set to {@code false} explicitly to serve without API keys (a WARN at every start says so). */
        @WithDefault("true")
        boolean enabled();
    }

    /**
     * One API key. Built by SmallRye Config's implicit converter, which must never fail (its error would print the
     * value); {@link ApiKeys} checks the form and names only the property.
     */
    // Native image: SmallRye Config builds it by reflection (its implicit converter calls the String constructor).
    @RegisterForReflection
    record ApiKey(String value) {

        @Override
        public String toString() {
            return "ApiKey[***]";
        }
    }
}
