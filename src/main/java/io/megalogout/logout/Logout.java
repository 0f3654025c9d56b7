package io.megalogout.logout;

import jakarta.enterprise.context.ApplicationScoped;

import io.megalogout.megaapi.LogoutResponse;
import io.megalogout.megaapi.MegaApi;

/**
 * Logs one WhatsApp instance out of Mega-API and returns Mega-API's answer. The key is already valid by construction,
 * so this is the only path to the destructive call, and it takes exactly the key the caller gave.
 */
@ApplicationScoped
public class Logout {

    private final MegaApi megaApi;

    Logout(MegaApi megaApi) {
        this.megaApi = megaApi;
    }

    /** Logs the instance out, answering before {@code deadline} whatever Mega-API does. */
    public LogoutResponse logout(InstanceKey key, Deadline deadline) {
        return megaApi.logout(key, deadline);
    }
}
