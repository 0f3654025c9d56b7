package io.megalogout.logout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs the keys of one invocation (a bulk, or every key of an SQS batch) at most {@code concurrency} at once, starting
 * them in the order given, and none once the deadline has passed.
 * <p>
 * Why a few workers taking the next job in turn, rather than a thread per job waiting on a semaphore: the start order is
 * exactly the given order, so when time runs out the keys left without a turn are the last ones, and a key that was
 * never started is known to have sent nothing. Why virtual threads: a worker spends its life blocked on Mega-API; they
 * cost nothing to start for each invocation, and there is no pool to size, shut down, or carry through a SnapStart
 * snapshot. The bound is the number of workers, not a pool.
 */
final class Turns {

    private final int concurrency;
    private final WorkerContext context;

    Turns(int concurrency) {
        this(concurrency, WorkerContext.NONE);
    }

    /** Each worker runs with what {@code context} carries from the calling thread. */
    Turns(int concurrency, WorkerContext context) {
        this.concurrency = concurrency;
        this.context = context;
    }

    /**
     * The result of each job, in the jobs' order: {@code work}'s, or {@code tooLate}'s for a job whose turn came after
     * the deadline. Neither may throw. Returns when every job has a result: {@code work} answers before the deadline
     * (Mega-API's calls never wait past it), so this does too.
     */
    <J, R> List<R> run(List<J> jobs, Function<J, R> work, Function<J, R> tooLate, Deadline deadline) {
        Object[] results = new Object[jobs.size()];
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < jobs.size(); i = next.getAndIncrement()) {
                J job = jobs.get(i);
                results[i] = deadline.hasPassed() ? tooLate.apply(job) : work.apply(job);
            }
        };
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < Math.min(concurrency, jobs.size()); w++) {
            workers.add(Thread.ofVirtual().name("logout-turn-" + w).start(context.carry(worker)));
        }
        awaitAll(workers);
        @SuppressWarnings("unchecked")
        List<R> ordered = (List<R>) Arrays.asList(results);
        return List.copyOf(ordered);
    }

    /**
     * Waits for every worker. When this thread is interrupted (the door is shutting down), the workers are interrupted
     * too, so that a confirmed logout stops polling, and still waited for: every job gets its result.
     */
    private static void awaitAll(List<Thread> workers) {
        boolean interrupted = false;
        for (Thread worker : workers) {
            while (worker.isAlive()) {
                try {
                    worker.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                    workers.forEach(Thread::interrupt);
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
