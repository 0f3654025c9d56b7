package io.megalogout.http;

import io.megalogout.logout.Caller;
import io.megalogout.logout.InstanceScope;
import io.megalogout.logout.LogoutRecorded;
import io.megalogout.logout.Origin;

import io.quarkus.security.identity.SecurityIdentity;

import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * Who asked for a request on this door, for the use case and its log lines: the caller the identity names, the
 * instances Quarkus Security lets it act on, the client's address and the request ids.
 */
final class Origins {

    private Origins() {
    }

    /**
     * A request by an authenticated caller. Each key is decided by the identity's permissions ({@link InstancePermission},
     * granted by {@link CallerPermissions}), asked on the worker thread that runs the key: the check is synchronous.
     */
    static Origin of(RoutingContext request, SecurityIdentity identity) {
        InstanceScope scope = key -> identity.checkPermissionBlocking(InstancePermission.toActOn(key.value()));
        return from(request, new Caller(identity.getPrincipal().getName(), scope));
    }

    /** A request refused before the door could tell who asked. */
    static Origin unidentified(RoutingContext request) {
        return from(request, new Caller(LogoutRecorded.NOBODY, key -> false));
    }

    private static Origin from(RoutingContext request, Caller caller) {
        SocketAddress client = request.request().remoteAddress();
        return Origin.of(RequestIds.of(request), caller).from(client == null ? "-" : client.hostAddress(),
                RequestIds.callers(request).orElse(null));
    }
}
