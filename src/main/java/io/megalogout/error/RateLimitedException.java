package io.megalogout.error;

import java.time.Duration;
import java.util.Optional;

/**
 * The caller has used up its share of logouts for now (on the HTTP door, {@code http.callers.<name>.logouts-per-minute};
 * each key of a bulk counts one, and a bulk larger than what remains is refused whole). Nothing was sent for this
 * request; it may be sent again after {@link #retryAfter()}. Not Mega-API's own 429, which is
 * {@link MegaApiUnavailableException}.
 */
public final class RateLimitedException extends LogoutFailure {

    private final Duration retryAfter;

    /**
     * @param keys how many logouts the request asked for
     * @param perMinute the caller's limit
     * @param retryAfter when the request would fit again; null when it never would (more keys than a minute holds)
     */
    public RateLimitedException(int keys, long perMinute, Duration retryAfter) {
        super(keys > perMinute
                ? "This request asks for " + keys + " logouts, more than this caller's " + perMinute
                        + " per minute; nothing was sent: send it in smaller bulks"
                : "This caller's " + perMinute + " logouts per minute are used up (this request asks for " + keys
                        + "); nothing was sent: try again in " + MegaApiCircuitOpenException.seconds(retryAfter) + " s",
                null, null, null);
        this.retryAfter = retryAfter;
    }

    /** When the request would fit into the caller's share again; empty when it never would, however long it waits. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
