package io.megalogout.logout;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Time that moves only when told to: a wait moves it by the wait at once, and a test (or a fake call) moves it too. */
final class FakeTicker implements Ticker {

    /** Below zero, so that a test's times cross zero: like {@link System#nanoTime()}'s, only differences mean anything. */
    private static final long START = -Duration.ofSeconds(3).toNanos();

    private final AtomicLong now = new AtomicLong(START);
    private final AtomicInteger sleeps = new AtomicInteger();
    private volatile int interruptedSleep;

    @Override
    public long nanoTime() {
        return now.get();
    }

    @Override
    public void sleep(Duration wait) throws InterruptedException {
        if (sleeps.incrementAndGet() == interruptedSleep) {
            throw new InterruptedException("the fake ticker's sleep number " + interruptedSleep);
        }
        advance(wait);
    }

    void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    /** The time since this ticker was made, in milliseconds. */
    long millis() {
        return Duration.ofNanos(now.get() - START).toMillis();
    }

    /** A deadline {@code millis} after this ticker was made. */
    Deadline deadlineAt(long millis) {
        return new Deadline(START + Duration.ofMillis(millis).toNanos(), this);
    }

    /** The {@code nth} sleep (from 1) throws {@link InterruptedException} instead of waiting. */
    void interruptSleep(int nth) {
        interruptedSleep = nth;
    }
}
