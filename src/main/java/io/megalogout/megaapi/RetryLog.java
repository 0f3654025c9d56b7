package io.megalogout.megaapi;

import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.jboss.logging.Logger;

import io.megalogout.logout.LogValue;

import io.quarkus.runtime.annotations.RegisterForReflection;

import io.smallrye.faulttolerance.api.BeforeRetryHandler;

/**
 * Records each retry: a logout is destructive, so every request sent for it leaves a line. A status read's retries
 * (of a method named {@code status}) say so: {@code request=status}. What it came after is Mega-API's text: quoted and
 * escaped ({@link LogValue}), like the request line's detail.
 */
// Native image: SmallRye Fault Tolerance creates it by reflection (named in an annotation, not a CDI bean).
@RegisterForReflection
public final class RetryLog implements BeforeRetryHandler {

    private static final Logger LOG = Logger.getLogger(RetryLog.class);

    @Override
    public void handle(ExecutionContext context) {
        Throwable failure = context.getFailure();
        retrying(context.getParameters()[0], "status".equals(context.getMethod().getName()) ? Call.STATUS : Call.LOGOUT,
                failure instanceof RetryableFailure retryable ? retryable.failure().operatorDetail()
                        : String.valueOf(failure));
    }

    /** The line of one more request for {@code instanceKey}, sent after {@code after}: a retry's, or a rotated token's. */
    static void retrying(Object instanceKey, Call call, String after) {
        LOG.infof("logout retry instanceKey=%s%s after=%s", LogValue.of(String.valueOf(instanceKey)), call.logField(),
                LogValue.quoted(after));
    }
}
