package io.megalogout.megaapi.connection;

import java.net.URI;

import jakarta.ws.rs.core.UriBuilder;

/**
 * Where a logout of a key goes under a base URL, built from the client interface's own annotations: a dry run names
 * exactly the URL a logout would use, encoded as the client encodes it.
 */
public final class LogoutUri {

    private LogoutUri() {
    }

    public static URI of(String baseUrl, String instanceKey) {
        return UriBuilder.fromUri(baseUrl).path(MegaApiClient.class).path(MegaApiClient.class, "logout")
                .build(instanceKey);
    }
}
