package io.megalogout.secrets;

import java.time.Duration;
import java.util.Optional;

/**
 * Reads the {@code SecretString} of an AWS Secrets Manager secret, by the means {@code megaapi.secrets.reader} names:
 * the AWS SDK's Secrets Manager client ({@code sdk}, the Lambda build's default) or the AWS Parameters and Secrets Lambda
 * Extension ({@code extension}). The one instance the application injects serves the default token, its re-read after a
 * 401 and the instances secret alike.
 */
public interface SecretsReader {

    /**
     * The secret's current {@code SecretString}, read within {@code budget}.
     *
     * @param secretId the secret's ARN or name
     * @throws SecretReadException naming the secret and what went wrong, never a value
     */
    String secretString(String secretId, Duration budget);

    /**
     * Why this reader cannot read in this environment (for a start-up refusal that follows "is set, but "), or empty
     * when it can. Says what is missing, never a value.
     */
    Optional<String> unusable();

    /**
     * Loads and builds what a read needs, without reading anything, fetching credentials or sending a request: called
     * at start-up when a secret is configured, so that on Lambda it happens in the init phase, which SnapStart
     * snapshots. Never fails: a reader that cannot prime leaves the work to its first read.
     */
    default void prime() {
    }
}
