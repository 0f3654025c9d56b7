package io.megalogout.lambda;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.inject.Named;

import org.jboss.logging.MDC;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import io.megalogout.error.InvalidEventException;
import io.megalogout.logout.Deadline;
import io.megalogout.logout.Logout;
import io.megalogout.logout.Origin;
import io.megalogout.logout.QueuedLogouts;

/**
 * The Lambda door. A stream handler, so that our code, not the runtime, parses the event. Behind
 * {@code io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest}; failures leave as our exceptions, whose
 * class names AWS reports as {@code errorType}. An SQS batch ({@link SqsBatch}) goes to {@link QueuedLogouts} and is
 * answered with the messages that failed; any other event is a logout event. Every log line of the invocation carries
 * its X-Ray trace id ({@link TraceId}) as the MDC field {@value #TRACE_ID}; a bulk's or a batch's workers inherit it.
 */
@Named("logout")
public class LogoutFunction implements RequestStreamHandler {

    static final String TRACE_ID = "traceId";

    private final Logout logout;
    private final QueuedLogouts queued;
    private final Duration margin;

    LogoutFunction(Logout logout, QueuedLogouts queued, LambdaConfig config) {
        this.logout = logout;
        this.queued = queued;
        this.margin = Duration.ofMillis(config.deadlineMarginMs());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        TraceId.of(context).ifPresent(id -> MDC.put(TRACE_ID, id));
        try {
            handle(input, output, context);
        } finally {
            MDC.remove(TRACE_ID);
        }
    }

    private void handle(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] event = input.readAllBytes();
        String requestId = context.getAwsRequestId();
        Deadline deadline = InvocationDeadline.of(context, margin);
        SqsBatch batch;
        try {
            batch = SqsBatch.of(event).orElse(null);
        } catch (InvalidEventException broken) {
            throw logout.refused(Origin.of(requestId, LambdaCallers.DIRECT), broken);
        }
        String answer = batch != null ? SqsBatch.response(queued.failed(requestId, batch.messages(), deadline))
                : logout.logout(Origin.of(requestId, LambdaCallers.DIRECT), new ByteArrayInputStream(event), deadline).json();
        output.write(answer.getBytes(StandardCharsets.UTF_8));
    }
}
