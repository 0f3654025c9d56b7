package io.megalogout.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;

import io.megalogout.logout.LogoutResult;

/**
 * How many logouts the door runs at once toward Mega-API, and how many wait for a turn: SmallRye Fault Tolerance's
 * bulkhead (override with {@code quarkus.fault-tolerance."io.megalogout.http.LogoutSlots/run".bulkhead.*}). Past both, a
 * request is refused at once with nothing sent. The bulkhead only queues asynchronous calls, hence
 * {@code @Asynchronous}: the logout runs on a worker thread of Quarkus' pool, which the deadline machinery needs anyway.
 * A waiting request's deadline runs from its arrival, so a long wait ends in a timeout with nothing sent.
 */
@ApplicationScoped
class LogoutSlots {

    static final int IN_FLIGHT = 32;
    static final int WAITING = 64;

    @Asynchronous
    @Bulkhead(value = IN_FLIGHT, waitingTaskQueue = WAITING)
    CompletionStage<LogoutResult> run(Supplier<LogoutResult> logout) {
        return CompletableFuture.completedFuture(logout.get());
    }
}
