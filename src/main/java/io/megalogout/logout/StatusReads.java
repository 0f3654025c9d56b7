package io.megalogout.logout;

import java.time.Duration;

/**
 * The status reads of one request, all before its deadline: counted for the log line (whether the request ends in an
 * answer or a failure), and timed, so that a poll knows how long the next read may need.
 */
final class StatusReads {

    private final Upstream upstream;
    private final Deadline deadline;
    private int count;
    private Duration longest = Duration.ZERO;

    StatusReads(Upstream upstream, Deadline deadline) {
        this.upstream = upstream;
        this.deadline = deadline;
    }

    InstanceStatus read(InstanceKey key) {
        count++;
        Ticker ticker = deadline.ticker();
        long started = ticker.nanoTime();
        try {
            return upstream.status(key, deadline);
        } finally {
            Duration took = Duration.ofNanos(ticker.nanoTime() - started);
            longest = took.compareTo(longest) > 0 ? took : longest;
        }
    }

    /** Whether a read started after {@code wait} still has at least {@code least}, or the longest read so far, left. */
    boolean fitAfter(Duration wait, Duration least) {
        Duration needed = longest.compareTo(least) > 0 ? longest : least;
        return deadline.remaining().minus(wait).compareTo(needed) >= 0;
    }

    int count() {
        return count;
    }
}
