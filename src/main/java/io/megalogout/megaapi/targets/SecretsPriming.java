package io.megalogout.megaapi.targets;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.megalogout.secrets.SecretsConfig;
import io.megalogout.secrets.SecretsReader;

import io.quarkus.runtime.StartupEvent;

/**
 * Primes the secrets reader at start-up when a secret is configured ({@code megaapi.token-secret-id} or
 * {@code megaapi.instances-secret-id}) and {@code megaapi.secrets.prime} is on: on Lambda that is the init phase, which
 * SnapStart snapshots. Priming reads no secret ({@link SecretsReader#prime()}): the first logout that needs one does.
 */
@Singleton
class SecretsPriming {

    void prime(@Observes StartupEvent started, TargetConfig config, SecretsConfig secrets, SecretsReader reader) {
        if (secrets.prime() && (config.tokenSecretId().isPresent() || config.instancesSecretId().isPresent())) {
            reader.prime();
        }
    }
}
