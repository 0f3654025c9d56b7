package io.megalogout.megaapi.targets;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.jboss.logging.Logger;

import io.megalogout.logout.Deadline;
import io.megalogout.logout.Ticker;
import io.megalogout.secrets.SecretsReader;

import io.quarkus.runtime.LaunchMode;

/**
 * Every instance's own settings from one source, in {@link InstancesJson}'s shape: a file ({@code megaapi.instances-file},
 * what a Kubernetes Secret mounts) or an AWS Secrets Manager secret ({@code megaapi.instances-secret-id}). Read by the
 * first request that needs it and kept, but never trusted for long:
 * <ul>
 * <li>a key the copy does not list makes it read again, at most once per {@code megaapi.instances-recheck-ms}, so that
 * an instance added since is served at once (and unknown keys cannot turn into a flood of reads);</li>
 * <li>a copy older than {@code megaapi.instances-max-age-ms} is read again, so that a moved or removed entry takes
 * effect without a restart;</li>
 * <li>a read that fails keeps the copy and says so in a WARN line; but a key the copy does not list is then not sent
 * anywhere (the failed read might have listed it with a host and token of its own): it fails instead;</li>
 * <li>after Mega-API refused one of its tokens (401), it is read again at once ({@link #reread}).</li>
 * </ul>
 * Dropped before a SnapStart checkpoint, so that no snapshot holds a token.
 */
@Singleton
class InstancesSource implements Resource {

    private static final Logger LOG = Logger.getLogger(InstancesSource.class);

    /** What was read, and when ({@link Ticker#nanoTime()}). */
    private record Copy(InstanceEntries entries, long readAt) {

        /** Whether the source lists the key, with an entry that serves or with one it refused. */
        boolean lists(String key) {
            return entries.valid().containsKey(key) || entries.refused().containsKey(key);
        }
    }

    private final Optional<InstancesReader> reader;
    private final boolean plainHttp;
    private final InstancesFreshness freshness;
    /** Every token read so far: an answer quoting an older one must not pass it on either. */
    private final HeldTokens held = new HeldTokens();
    private volatile Copy copy;
    /** When the last read was tried, and whether it failed: then unlisted keys are not sent anywhere. */
    private volatile long lastTry;
    private volatile boolean lastFailed;

    @Inject
    InstancesSource(TargetConfig config, SecretsReader secrets) {
        this(reader(config, secrets), LaunchMode.current().isDevOrTest() || config.allowPlainHttp(),
                new InstancesFreshness(Duration.ofMillis(config.instancesRecheckMs()),
                        Duration.ofMillis(config.instancesMaxAgeMs()), Ticker.SYSTEM));
    }

    InstancesSource(Optional<InstancesReader> reader, boolean plainHttp, InstancesFreshness freshness) {
        this.reader = reader;
        this.plainHttp = plainHttp;
        this.freshness = freshness;
        // Weakly held by the global context; this singleton lives as long as the application.
        Core.getGlobalContext().register(this);
    }

    private static Optional<InstancesReader> reader(TargetConfig config, SecretsReader secrets) {
        if (config.instancesFile().isPresent()) {
            return Optional.of(new InstancesFile(Path.of(config.instancesFile().get())));
        }
        return config.instancesSecretId().map(id -> new InstancesSecret(secrets, id,
                Duration.ofMillis(config.tokenSecretTimeoutMs())));
    }

    boolean isConfigured() {
        return reader.isPresent();
    }

    /**
     * The entry of {@code key}, as fresh as the rules above make it; empty when the source does not list it.
     *
     * @throws TokenReadException when the source cannot be read and no copy says, or may say, what {@code key} is
     * @throws io.megalogout.error.InstanceNotConfiguredException when the source lists it with an entry it refused
     */
    Optional<InstanceSettings> entry(String key, Deadline deadline) {
        Copy current = copy;
        if (current == null) {
            current = refresh(null, deadline, true);
        } else if (freshness.expired(current.readAt()) && freshness.mayTryAgain(lastTry)) {
            current = refresh(current, deadline, false);
        }
        if (current.lists(key)) {
            return current.entries().of(key);
        }
        if (freshness.mayTryAgain(lastTry)) {
            return refresh(current, deadline, true).entries().of(key);
        }
        if (lastFailed) {
            throw new TokenReadException(name() + " could not be read when last tried, and the copy held does not list"
                    + " instance '" + key + "': it is not sent anywhere until the source can be read");
        }
        return Optional.empty();
    }

    /**
     * Reads the source again, past what is kept (after a 401), and keeps what it holds now.
     *
     * @throws TokenReadException when it cannot be read
     */
    InstanceEntries reread(Deadline deadline) {
        return refresh(copy, deadline, true).entries();
    }

    /** The source, for messages. */
    String name() {
        return reader.map(InstancesReader::name).orElse("no instances source");
    }

    /** Replaces every token read from the source so far, wherever it appears in text that came from outside. */
    String redact(String text) {
        return held.redact(text);
    }

    /** Drops what was read: the next request reads the source again. */
    void forget() {
        copy = null;
        lastFailed = false;
        held.clear();
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        forget();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to do: the first request after the restore that needs the source reads it.
    }

    /**
     * Reads the source, one read at a time (a read another request finished meanwhile is taken instead).
     *
     * @param stale the copy held when the caller decided to read, or null
     * @param failIfUnread whether a failure is the caller's (no copy to keep, or a copy that cannot answer)
     */
    private synchronized Copy refresh(Copy stale, Deadline deadline, boolean failIfUnread) {
        Copy current = copy;
        if (current != null && current != stale) {
            return current;
        }
        lastTry = freshness.now();
        try {
            String json = reader.orElseThrow().read(deadline);
            InstanceEntries entries = InstancesJson.parse(json, name(), plainHttp);
            entries.valid().values().forEach(settings -> settings.token().ifPresent(held::add));
            copy = new Copy(entries, freshness.now());
            lastFailed = false;
            return copy;
        } catch (TokenReadException unreadable) {
            lastFailed = true;
            if (current != null) {
                LOG.warnf("instances: %s could not be read again; the copy read %d s ago is kept: %s", name(),
                        freshness.since(current.readAt()).toSeconds(), unreadable.getMessage());
            }
            if (current == null || failIfUnread) {
                throw unreadable;
            }
            return current;
        }
    }
}
