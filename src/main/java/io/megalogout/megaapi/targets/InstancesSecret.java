package io.megalogout.megaapi.targets;

import java.time.Duration;

import io.megalogout.logout.Deadline;
import io.megalogout.secrets.SecretReadException;
import io.megalogout.secrets.SecretsReader;

/**
 * The instances in an AWS Secrets Manager secret ({@code megaapi.instances-secret-id}), read by the same
 * {@link SecretsReader} as the token's secret ({@link SecretToken}), within the request's deadline and at most
 * {@code megaapi.token-secret-timeout-ms}.
 */
record InstancesSecret(SecretsReader secrets, String secretId, Duration readTimeout)
        implements
            InstancesReader {

    @Override
    public String name() {
        return "secret '" + secretId + "'";
    }

    @Override
    public String read(Deadline deadline) {
        Duration left = deadline.remaining();
        if (left.isNegative() || left.isZero()) {
            throw new TokenReadException("no time was left before the deadline to read " + name());
        }
        try {
            return secrets.secretString(secretId, left.compareTo(readTimeout) < 0 ? left : readTimeout);
        } catch (SecretReadException unreadable) {
            throw new TokenReadException(unreadable.getMessage());
        }
    }
}
