package io.megalogout.megaapi.targets;

import java.time.Duration;

import io.megalogout.logout.Deadline;
import io.megalogout.secrets.SecretReadException;
import io.megalogout.secrets.SecretsExtension;

/**
 * The instances in an AWS Secrets Manager secret ({@code megaapi.instances-secret-id}), read through the AWS Parameters
 * and Secrets Lambda Extension as the token's secret is ({@link SecretToken}), within the request's deadline and at most
 * {@code megaapi.token-secret-timeout-ms}.
 */
record InstancesSecret(SecretsExtension extension, String secretId, Duration readTimeout)
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
            return extension.secretString(secretId, left.compareTo(readTimeout) < 0 ? left : readTimeout);
        } catch (SecretReadException unreadable) {
            throw new TokenReadException(unreadable.getMessage());
        }
    }
}
