package io.megalogout.megaapi;

import java.util.Optional;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.megalogout.error.MegaApiRejectedException;
import io.megalogout.logout.Deadline;
import io.megalogout.logout.InstanceKey;

/**
 * A token rotated in its secret: after Mega-API answered 401, the token is read again from the secret and, only if it
 * changed, the logout (or status read) is sent once more with it. That is safe: a 401 means Mega-API refused the request. Each
 * logout
 * gets at most one such retry, and each step leaves a log line. A configured token cannot change while the process
 * runs, so its 401 stays a {@link MegaApiRejectedException} after one request, without a second read.
 */
@Singleton
class TokenRotation {

    private static final Logger LOG = Logger.getLogger(TokenRotation.class);

    private final MegaApiToken tokens;

    TokenRotation(MegaApiToken tokens) {
        this.tokens = tokens;
    }

    /** The token to send {@code call} once more with after {@code rejected}, if the source now holds another one. */
    Optional<BearerToken> replacementFor(Call call, InstanceKey key, BearerToken refused,
            MegaApiRejectedException rejected, Deadline deadline) {
        if (rejected.upstreamStatus().orElse(0) != 401 || !tokens.canChange()) {
            return Optional.empty();
        }
        // The read must leave an attempt's worth of time for the request it may lead to.
        Deadline read = Deadline.after(deadline.remaining().minus(RetryableFailure.MIN_ATTEMPT));
        Optional<BearerToken> replacement;
        try {
            replacement = tokens.replacementFor(refused, read);
        } catch (TokenReadException unreadable) {
            LOG.warnf("logout token-reread instanceKey=%s source=\"%s\" result=failed detail=\"%s\"", key,
                    tokens.source(), unreadable.getMessage());
            return Optional.empty();
        }
        LOG.infof("logout token-reread instanceKey=%s source=\"%s\" result=%s", key, tokens.source(),
                replacement.isPresent() ? "changed" : "unchanged");
        if (replacement.isPresent()) {
            LOG.infof("logout retry instanceKey=%s%s after=\"%s\"", key, call.logField(), rejected.getMessage());
        }
        return replacement;
    }
}
