package io.megalogout.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.inject.Named;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import io.megalogout.logout.Logout;
import io.megalogout.logout.LogoutResult;

/**
 * The Lambda door. A stream handler, so that our code, not the runtime, parses the event. Behind
 * {@code io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest}; failures leave as our exceptions, whose
 * class names AWS reports as {@code errorType}.
 */
@Named("logout")
public class LogoutFunction implements RequestStreamHandler {

    private final Logout logout;
    private final Duration margin;

    LogoutFunction(Logout logout, LambdaConfig config) {
        this.logout = logout;
        this.margin = Duration.ofMillis(config.deadlineMarginMs());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        LogoutResult result = logout.logout(context.getAwsRequestId(), input, InvocationDeadline.of(context, margin));
        output.write(result.json().getBytes(StandardCharsets.UTF_8));
    }
}
