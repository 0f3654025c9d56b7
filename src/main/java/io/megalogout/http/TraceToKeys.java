package io.megalogout.http;

import jakarta.inject.Singleton;

import io.megalogout.logout.WorkerContext;

import io.opentelemetry.context.Context;

/**
 * Carries the request's OpenTelemetry context into the threads that run a bulk's keys, so that their calls to Mega-API
 * are client spans of the request's trace and the request's line tags its server span ({@link RequestSpans}). The
 * context is captured on the request's thread, when the keys are handed out; with tracing off it is the empty context.
 */
@Singleton
class TraceToKeys implements WorkerContext {

    @Override
    public Runnable carry(Runnable task) {
        return Context.current().wrap(task);
    }
}
