package io.megalogout.megaapi.targets;

import java.time.Duration;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

import io.megalogout.logout.Deadline;
import io.megalogout.secrets.SecretReadException;
import io.megalogout.secrets.SecretsExtension;

import io.quarkus.runtime.LaunchMode;

/**
 * Every instance's own settings in one AWS Secrets Manager secret ({@code megaapi.instances-secret-id}), read through
 * the AWS Parameters and Secrets Lambda Extension as the token's secret is ({@link SecretToken}): by the first request
 * that needs it, kept, read again after Mega-API refused one of its tokens (401), and dropped before a SnapStart
 * checkpoint, so that no snapshot holds a token. Its shape is {@link InstancesJson}'s.
 */
@Singleton
class InstancesSecret implements Resource {

    private final SecretsExtension extension;
    private final Optional<String> secretId;
    private final Duration readTimeout;
    private final boolean plainHttp;
    /** Every token read so far: an answer quoting an older one must not pass it on either. */
    private final HeldTokens held = new HeldTokens();
    private volatile InstanceEntries current;

    @Inject
    InstancesSecret(TargetConfig config, SecretsExtension extension) {
        this(extension, config.instancesSecretId(), Duration.ofMillis(config.tokenSecretTimeoutMs()),
                LaunchMode.current().isDevOrTest() || config.allowPlainHttp());
    }

    InstancesSecret(SecretsExtension extension, Optional<String> secretId, Duration readTimeout, boolean plainHttp) {
        this.extension = extension;
        this.secretId = secretId;
        this.readTimeout = readTimeout;
        this.plainHttp = plainHttp;
        // Weakly held by the global context; this singleton lives as long as the application.
        Core.getGlobalContext().register(this);
    }

    boolean isConfigured() {
        return secretId.isPresent();
    }

    /**
     * The instances as the secret held them when first read: an entry that breaks the rules is refused alone.
     *
     * @throws TokenReadException when it cannot be read, or is not a JSON object, before the deadline
     */
    InstanceEntries instances(Deadline deadline) {
        InstanceEntries instances = current;
        if (instances != null) {
            return instances;
        }
        synchronized (this) {
            if (current == null) {
                current = read(deadline);
            }
            return current;
        }
    }

    /**
     * Reads the secret again, past what is kept (after a 401), and keeps what it holds now.
     *
     * @throws TokenReadException as {@link #instances}
     */
    InstanceEntries reread(Deadline deadline) {
        InstanceEntries now = read(deadline);
        current = now;
        return now;
    }

    /** The secret, for messages: {@code secret '<id>'}. */
    String name() {
        return "secret '" + secretId.orElse("") + "'";
    }

    /** Replaces every token read from the secret so far, wherever it appears in text that came from outside. */
    String redact(String text) {
        return held.redact(text);
    }

    /** Drops what was read: the next request reads the secret again. */
    void forget() {
        current = null;
        held.clear();
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        forget();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to do: the first request after the restore that needs the secret reads it.
    }

    private InstanceEntries read(Deadline deadline) {
        Duration left = deadline.remaining();
        if (left.isNegative() || left.isZero()) {
            throw new TokenReadException("no time was left before the deadline to read " + name());
        }
        String json;
        try {
            json = extension.secretString(secretId.orElseThrow(), left.compareTo(readTimeout) < 0 ? left : readTimeout);
        } catch (SecretReadException unreadable) {
            throw new TokenReadException(unreadable.getMessage());
        }
        InstanceEntries instances = InstancesJson.parse(json, name(), plainHttp);
        instances.valid().values().forEach(settings -> settings.token().ifPresent(held::add));
        return instances;
    }
}
