package io.megalogout.megaapi.targets;

import java.time.Duration;

/**
 * The token from {@code megaapi.token} ({@code MEGAAPI_TOKEN} or a file in the secrets directory). The configuration is
 * read once, at start-up, so reading again gives the same token: a 401 stays a {@code MegaApiRejectedException}.
 */
record ConfiguredToken(BearerToken token) implements TokenSource {

    @Override
    public BearerToken read(Duration budget) {
        return token;
    }

    @Override
    public String name() {
        return "megaapi.token";
    }
}
