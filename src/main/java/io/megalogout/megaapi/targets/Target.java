package io.megalogout.megaapi.targets;

import java.net.URI;

/**
 * Where one instance's request goes and with which token: both that instance's own, or the defaults as
 * {@link Targets} allows. The token's {@code toString} hides it.
 *
 * @param baseUrl the instance's base URL, as configured
 * @param origin where the token came from, which decides whether a 401 may lead to another read of it
 */
public record Target(String baseUrl, BearerToken token, Origin origin) {

    /** Where a token came from. */
    public enum Origin {
        /** {@code megaapi.token} or the secret named by {@code megaapi.token-secret-id}. */
        DEFAULT,
        /** The instance's own {@code megaapi.instances."<key>".token}: fixed while the process runs. */
        CONFIGURED,
        /** The instance's entry in the secret named by {@code megaapi.instances-secret-id}. */
        SECRET
    }

    /** {@code scheme://host[:port]}: what its circuit breakers are kept for, and what messages name. */
    public String host() {
        return BaseUrls.host(URI.create(baseUrl));
    }

    Target with(BearerToken rotated) {
        return new Target(baseUrl, rotated, origin);
    }
}
