package io.megalogout.megaapi.targets;

import java.util.Optional;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.megalogout.error.LogoutFailure;
import io.megalogout.error.MegaApiRejectedException;
import io.megalogout.logout.Deadline;
import io.megalogout.logout.InstanceKey;
import io.megalogout.logout.LogValue;

/**
 * A token rotated in its secret: after Mega-API answered 401, the secret is read again and, only if the token changed,
 * the logout (or status read) is sent once more with it (by the caller, which logs that retry). That is safe: a 401 means
 * Mega-API refused the request. Each
 * logout gets at most one such retry, and each step leaves a log line. This holds for the default token's secret and
 * for the instances secret (the instance's own entry, read again: its token, and its host as the secret holds it
 * now). A configured token cannot change while the process runs, so its 401 stays a {@link MegaApiRejectedException}
 * after one request, without a second read.
 */
@Singleton
public class TokenRotation {

    private static final Logger LOG = Logger.getLogger(TokenRotation.class);

    private final MegaApiToken tokens;
    private final Targets targets;
    private final InstancesSource secret;

    TokenRotation(MegaApiToken tokens, Targets targets, InstancesSource secret) {
        this.tokens = tokens;
        this.targets = targets;
        this.secret = secret;
    }

    /**
     * Where to send the request once more after {@code rejected}, if the token's source now holds another token; read
     * before {@code read}, which must leave time for that request.
     */
    public Optional<Target> replacementFor(InstanceKey key, Target refused, MegaApiRejectedException rejected,
            Deadline read) {
        boolean rotatable = refused.origin() == Target.Origin.SECRET
                || refused.origin() == Target.Origin.DEFAULT && tokens.canChange();
        if (rejected.upstreamStatus().orElse(0) != 401 || !rotatable) {
            return Optional.empty();
        }
        String source = refused.origin() == Target.Origin.SECRET ? secret.name() : tokens.source();
        Optional<Target> replacement;
        try {
            replacement = refused.origin() == Target.Origin.SECRET ? fromSecret(key, refused, read)
                    : tokens.replacementFor(refused.token(), read).map(refused::with);
        } catch (TokenReadException | LogoutFailure unreadable) {
            // The detail is the secret source's text (the extension's answer): quoted and escaped like Mega-API's.
            LOG.warnf("logout token-reread instanceKey=%s source=%s result=failed detail=%s", key, LogValue.quoted(source),
                    LogValue.quoted(unreadable instanceof LogoutFailure failure ? failure.operatorDetail()
                            : unreadable.getMessage()));
            return Optional.empty();
        }
        LOG.infof("logout token-reread instanceKey=%s source=%s result=%s", key, LogValue.quoted(source),
                replacement.isPresent() ? "changed" : "unchanged");
        return replacement;
    }

    /** The instance's entry as the secret holds it now, if it still has a token of its own and that token changed. */
    private Optional<Target> fromSecret(InstanceKey key, Target refused, Deadline read) {
        Optional<InstanceSettings> now = targets.reread(key, read);
        if (now.flatMap(InstanceSettings::token).filter(token -> !token.equals(refused.token())).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(targets.target(key, now, read));
    }
}
