package io.megalogout.logout;

/**
 * What a door carries from the thread that takes a request into the threads that run its keys ({@link Turns}): on the
 * HTTP door, the request's trace context, so that each key's calls to Mega-API are spans of the request's trace. The
 * use case knows no tracing types; a door that has nothing to carry provides no bean, and {@link #NONE} applies.
 */
@FunctionalInterface
public interface WorkerContext {

    WorkerContext NONE = task -> task;

    /** {@code task}, to run on another thread with what this (the request's) thread has; called on the latter. */
    Runnable carry(Runnable task);
}
