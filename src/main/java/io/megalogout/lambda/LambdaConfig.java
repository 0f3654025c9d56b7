package io.megalogout.lambda;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The Lambda door's own settings. */
@ConfigMapping(prefix = "lambda")
interface LambdaConfig {

    /**
     * Milliseconds of the invocation's remaining time kept back for answering: the logout's deadline is the remaining
     * time less this, so the function reports its own timeout error instead of being stopped by Lambda.
     */
    @WithDefault("500")
    long deadlineMarginMs();
}
