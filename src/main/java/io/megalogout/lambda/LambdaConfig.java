package io.megalogout.lambda;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The Lambda door's own settings. */
@ConfigMapping(prefix = "lambda")
interface LambdaConfig {

    /**
     * Milliseconds of the invocation's remaining time kept back for answering: the logout's deadline is the remaining
     * time less this, so the function reports its own timeout error instead of being stopped by Lambda. Measured under
     * AWS's runtime client on 2 cores: the first invocation's error reached the Runtime API 214 to 276 ms after the
     * deadline (674 ms on a loaded machine), later ones 12 to 23 ms; Lambda's smaller memory sizes have less CPU.
     */
    @WithDefault("1000")
    long deadlineMarginMs();

    /**
     * Whether each request's JSON log line also carries its outcome counters in CloudWatch's Embedded Metric Format
     * ({@link EmfMetrics}), which the template's alarms and dashboard read. Off: the lines are as before, and CloudWatch
     * extracts no metric from them (nor charges for any).
     */
    @WithDefault("true")
    boolean emfMetrics();
}
