package io.megalogout.megaapi.targets;

import java.time.Duration;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

import io.megalogout.logout.Deadline;
import io.megalogout.secrets.SecretsReader;

/**
 * The default token, for instances without a token or a host of their own ({@link Targets}), from its
 * {@link TokenSource}; there may be none. A configured token is there from start-up. A token in
 * a secret is read when the first logout needs it, not at start-up: the extension serves only in Lambda's invoke phase,
 * SnapStart's credentials exist only after restore, and so the token is never in a SnapStart snapshot. After Mega-API refused a
 * token (401), the source is read again,
 * past this holder; a different token replaces the one held.
 */
@Singleton
class MegaApiToken implements Resource {

    private final TokenSource source;
    private final Duration readTimeout;
    /** Every token held so far: an answer quoting an older one must not pass it on either. */
    private final HeldTokens held = new HeldTokens();
    private volatile BearerToken current;

    @Inject
    MegaApiToken(TargetConfig config, SecretsReader secrets) {
        this(config.token().<TokenSource> map(ConfiguredToken::new)
                .or(() -> config.tokenSecretId().map(secretId -> new SecretToken(secrets, secretId))).orElse(null),
                Duration.ofMillis(config.tokenSecretTimeoutMs()));
    }

    /** @param source null when no default token is configured */
    MegaApiToken(TokenSource source, Duration readTimeout) {
        this.source = source;
        this.readTimeout = readTimeout;
        if (source instanceof ConfiguredToken configured) {
            current = hold(configured.token());
        }
        // Weakly held by the global context; this singleton lives as long as the application.
        Core.getGlobalContext().register(this);
    }

    /** Whether there is a default token at all ({@code megaapi.token} or {@code megaapi.token-secret-id}). */
    boolean isConfigured() {
        return source != null;
    }

    /**
     * The token to send, read from the source the first time. Only when {@link #isConfigured()}.
     *
     * @throws TokenReadException when it cannot be read before the deadline
     */
    BearerToken current(Deadline deadline) {
        BearerToken token = current;
        if (token != null) {
            return token;
        }
        synchronized (this) {
            if (current == null) {
                current = hold(source.read(budget(deadline)));
            }
            return current;
        }
    }

    /**
     * Reads the source again after Mega-API refused {@code rejected}: the token it holds now, if that is another one.
     *
     * @throws TokenReadException when it cannot be read before the deadline
     */
    Optional<BearerToken> replacementFor(BearerToken rejected, Deadline deadline) {
        BearerToken now = source.read(budget(deadline));
        if (now.equals(rejected)) {
            return Optional.empty();
        }
        current = hold(now);
        return Optional.of(now);
    }

    /** Whether the source can hold another token later: a secret can be rotated, the configuration cannot. */
    boolean canChange() {
        return source instanceof SecretToken;
    }

    /** The source, for messages: {@code megaapi.token} or {@code secret '<id>'}. */
    String source() {
        return source.name();
    }

    /** Replaces every token held so far, wherever it appears in text that came from outside. */
    String redact(String text) {
        return held.redact(text);
    }

    /**
     * Drops a token read from a secret: the next logout reads it again. Before a SnapStart snapshot, so that no snapshot
     * can hold one (none is read before the first invocation anyway).
     */
    void forget() {
        if (canChange()) {
            current = null;
            held.clear();
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        forget();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to do: the first logout after the restore reads the token.
    }

    private BearerToken hold(BearerToken token) {
        held.add(token);
        return token;
    }

    private Duration budget(Deadline deadline) {
        Duration left = deadline.remaining();
        if (left.isNegative() || left.isZero()) {
            throw new TokenReadException("no time was left before the deadline to read " + source.name());
        }
        return left.compareTo(readTimeout) < 0 ? left : readTimeout;
    }
}
