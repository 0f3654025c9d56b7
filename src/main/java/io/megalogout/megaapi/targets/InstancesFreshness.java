package io.megalogout.megaapi.targets;

import java.time.Duration;

import io.megalogout.logout.Ticker;

/**
 * How long the instances source's copy is trusted ({@link InstancesSource}): read again past {@code maxAge}
 * ({@code megaapi.instances-max-age-ms}), and never more than once per {@code recheck}
 * ({@code megaapi.instances-recheck-ms}), whatever asks for it.
 */
record InstancesFreshness(Duration recheck, Duration maxAge, Ticker ticker) {

    long now() {
        return ticker.nanoTime();
    }

    /** Whether a copy read at {@code readAt} is past its age. */
    boolean expired(long readAt) {
        return since(readAt).compareTo(maxAge) >= 0;
    }

    /** Whether a read may be tried again, the last having been tried at {@code lastTry}. */
    boolean mayTryAgain(long lastTry) {
        return since(lastTry).compareTo(recheck) >= 0;
    }

    Duration since(long nanos) {
        return Duration.ofNanos(ticker.nanoTime() - nanos);
    }
}
