package io.megalogout.megaapi.targets;

import io.quarkus.arc.Arc;

/**
 * For tests in the running application: forgets what was read from a secret, as a new execution environment would
 * have, so that a token read by an earlier test does not decide this one's first request.
 */
public final class SecretsRead {

    private SecretsRead() {
    }

    /** The default token read from {@code megaapi.token-secret-id}; a configured one stays. */
    public static void forgetDefaultToken() {
        if (Arc.container() != null) {
            Arc.container().instance(MegaApiToken.class).get().forget();
        }
    }

    /** The instances read from {@code megaapi.instances-secret-id}. */
    public static void forgetInstances() {
        if (Arc.container() != null) {
            Arc.container().instance(InstancesSource.class).get().forget();
        }
    }
}
