package io.megalogout.megaapi.targets;

import java.util.Optional;

/**
 * One instance's own Mega-API settings, each optional: its host and its token. Where they came from is kept for
 * messages ({@code megaapi.instances."<key>"} or {@code secret '<id>'}); the token's {@code toString} hides it.
 */
record InstanceSettings(Optional<String> baseUrl, Optional<BearerToken> token, String origin) {

    boolean isEmpty() {
        return baseUrl.isEmpty() && token.isEmpty();
    }
}
