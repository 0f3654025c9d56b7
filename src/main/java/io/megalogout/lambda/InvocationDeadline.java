package io.megalogout.lambda;

import java.time.Duration;

import com.amazonaws.services.lambda.runtime.Context;

import io.megalogout.logout.Deadline;

/** The logout's deadline from the Lambda invocation: its remaining time, less the margin kept for answering. */
final class InvocationDeadline {

    /** Lambda's longest timeout. A remaining time outside (0, this] is not a real deadline. */
    static final long LAMBDA_MAX_TIMEOUT_MS = Duration.ofMinutes(15).toMillis();

    private InvocationDeadline() {
    }

    /**
     * On Lambda the remaining time is always in (0, 15 min]. Quarkus' mock event server (dev mode, tests) sends no
     * deadline, and the context then computes a meaningless value from 0: that means no deadline from the door.
     */
    static Deadline of(Context context, Duration margin) {
        long remaining = context.getRemainingTimeInMillis();
        if (remaining <= 0 || remaining > LAMBDA_MAX_TIMEOUT_MS) {
            return Deadline.none();
        }
        return Deadline.after(Duration.ofMillis(remaining).minus(margin));
    }
}
