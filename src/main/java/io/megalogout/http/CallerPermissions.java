package io.megalogout.http;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

import io.smallrye.mutiny.Uni;

/**
 * Grants an authenticated caller what it may do: the route ({@value InstancePermission#LOGOUT}, which
 * {@code @PermissionsAllowed} on {@link LogoutResource} asks for) and its instances ({@link InstancePermission}). Apart
 * from {@link ApiKeyIdentityProvider}, which only says who the caller is.
 */
@ApplicationScoped
class CallerPermissions implements SecurityIdentityAugmentor {

    private final Callers callers;

    CallerPermissions(Callers callers) {
        this.callers = callers;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(callers.named(identity.getPrincipal().getName())
                .map(caller -> grant(identity, caller)).orElse(identity));
    }

    /** {@code identity} with what {@code caller} may do. */
    static SecurityIdentity grant(SecurityIdentity identity, ConfiguredCaller caller) {
        return QuarkusSecurityIdentity.builder(identity).addPermissionAsString(InstancePermission.LOGOUT)
                .addPermission(InstancePermission.granted(caller.instances())).build();
    }
}
