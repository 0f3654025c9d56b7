package io.megalogout.logout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/**
 * The order in which jobs start and their results come back, and what an interrupt does, with latches: the jobs run on
 * Turns' own threads, and nothing here waits for time to pass. A bounded wait only keeps a broken run from hanging the
 * build.
 */
class TurnsTest {

    private static final Duration HANG = Duration.ofSeconds(10);

    private final BlockingQueue<String> started = new LinkedBlockingQueue<>();
    private final AtomicReference<List<String>> results = new AtomicReference<>();

    @Test
    void startsTheJobsInTheOrderGivenAsPlacesFreeUp() throws InterruptedException {
        Map<String, CountDownLatch> finish = Map.of("a", new CountDownLatch(1), "b", new CountDownLatch(1), "c",
                new CountDownLatch(1), "d", new CountDownLatch(1), "e", new CountDownLatch(1));
        Thread run = run(2, List.of("a", "b", "c", "d", "e"), job -> {
            started.add(job);
            await(finish.get(job));
            return job;
        });

        assertThat(List.of(nextStarted(), nextStarted())).containsExactlyInAnyOrder("a", "b");
        finish.get("b").countDown();
        assertThat(nextStarted()).isEqualTo("c");
        finish.get("a").countDown();
        assertThat(nextStarted()).isEqualTo("d");
        finish.get("d").countDown();
        assertThat(nextStarted()).isEqualTo("e");
        finish.get("c").countDown();
        finish.get("e").countDown();
        assertThat(run.join(HANG)).isTrue();
    }

    @Test
    void answersInTheJobsOrderNotTheOrderTheyFinishIn() throws InterruptedException {
        CountDownLatch lastFinished = new CountDownLatch(1);
        Thread run = run(3, List.of("a", "b", "c"), job -> {
            if (job.equals("c")) {
                lastFinished.countDown();
            } else {
                await(lastFinished);
            }
            return job.toUpperCase();
        });

        assertThat(run.join(HANG)).isTrue();
        assertThat(results.get()).containsExactly("A", "B", "C");
    }

    @Test
    void interruptsItsJobsWhenInterruptedAndStillAnswersEachOne() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        AtomicBoolean keptTheInterrupt = new AtomicBoolean();
        Thread run = run(2, List.of("a", "b", "c"), job -> {
            started.add(job);
            try {
                never.await();
                return job + " finished";
            } catch (InterruptedException e) {
                // As a confirmed logout does: it stops, and keeps the interrupt for what its thread does next.
                Thread.currentThread().interrupt();
                return job + " interrupted";
            }
        }, keptTheInterrupt);
        assertThat(List.of(nextStarted(), nextStarted())).containsExactlyInAnyOrder("a", "b");

        run.interrupt();

        assertThat(run.join(HANG)).isTrue();
        assertThat(results.get()).containsExactly("a interrupted", "b interrupted", "c interrupted");
        assertThat(keptTheInterrupt).isTrue();
    }

    private Thread run(int concurrency, List<String> jobs, Function<String, String> work) {
        return run(concurrency, jobs, work, new AtomicBoolean());
    }

    /** Runs the jobs on a thread of their own, so that the test can watch them and interrupt it. */
    private Thread run(int concurrency, List<String> jobs, Function<String, String> work, AtomicBoolean interrupted) {
        return Thread.ofVirtual().start(() -> {
            results.set(new Turns(concurrency).run(jobs, work, job -> job + " too late", Deadline.none()));
            interrupted.set(Thread.currentThread().isInterrupted());
        });
    }

    private String nextStarted() throws InterruptedException {
        return started.poll(HANG.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(HANG.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("not released");
            }
        } catch (InterruptedException e) {
            throw new AssertionError("interrupted", e);
        }
    }
}
