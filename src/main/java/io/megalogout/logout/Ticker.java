package io.megalogout.logout;

import java.time.Duration;

/**
 * Monotonic time and waiting, as a {@link Deadline} counts them, and the use case with it (the timing of status reads,
 * the waits between them): the system's everywhere, except in the use case's own tests, which move a ticker of their
 * own instead of sleeping.
 */
public interface Ticker {

    /** {@link System#nanoTime()} and {@link Thread#sleep(Duration)}. */
    Ticker SYSTEM = new Ticker() {

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration wait) throws InterruptedException {
            Thread.sleep(wait);
        }

        @Override
        public String toString() {
            return "Ticker.SYSTEM";
        }
    };

    /** Now, in nanoseconds from an arbitrary origin: only differences between two values mean anything. */
    long nanoTime();

    /** Waits {@code wait}, or until the thread is interrupted. */
    void sleep(Duration wait) throws InterruptedException;
}
