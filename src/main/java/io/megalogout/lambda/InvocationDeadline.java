package io.megalogout.lambda;

import java.time.Duration;

import com.amazonaws.services.lambda.runtime.Context;

import io.megalogout.logout.Deadline;

/** The logout's deadline from the Lambda invocation: its remaining time, less the margin kept for answering. */
final class InvocationDeadline {

    private InvocationDeadline() {
    }

    /**
     * Lambda always sends the invocation's deadline. Quarkus' mock event server (dev mode, tests) sends none, and its
     * context then computes the remaining time from a deadline of 0, i.e. minus the current time: that, and only that,
     * means no deadline from the door (a real deadline falls in that one-second window for one second every 49.7 days,
     * and then only megaapi.logout-timeout-ms applies). Any other value is taken as it is, so a deadline that has
     * passed stays passed.
     */
    static Deadline of(Context context, Duration margin) {
        int remaining = context.getRemainingTimeInMillis();
        if (fromAMissingDeadline(remaining)) {
            return Deadline.none();
        }
        return Deadline.after(Duration.ofMillis(remaining).minus(margin));
    }

    private static boolean fromAMissingDeadline(int remaining) {
        int fromZero = (int) -System.currentTimeMillis();
        return Math.abs(remaining - fromZero) <= 1_000;
    }
}
