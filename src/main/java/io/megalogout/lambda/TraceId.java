package io.megalogout.lambda;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.amazonaws.services.lambda.runtime.Context;

/**
 * The X-Ray trace id of one invocation: the {@code Root} of the trace header Lambda hands it
 * ({@code Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1}), the id X-Ray's console and
 * CloudWatch search by. Not the whole header: {@code Parent} and {@code Sampled} say where this invocation sits in the
 * trace, which no log search needs.
 * <p>
 * AWS's runtime client (the managed Java runtime) gives the header as {@link Context#getXrayTraceId()}; Quarkus' own
 * loop (native, dev, tests) does not, and sets the system property {@value #PROPERTY} before each invocation instead, as
 * AWS's client also does. A header without a well-formed {@code Root} gives no id: only the id's own characters are ever
 * logged.
 */
final class TraceId {

    static final String PROPERTY = "com.amazonaws.xray.traceHeader";
    private static final Pattern ROOT = Pattern.compile("(?:^|;)Root=(1-[0-9a-f]{8}-[0-9a-f]{24})(?:;|$)");

    private TraceId() {
    }

    static Optional<String> of(Context context) {
        String header = context.getXrayTraceId();
        return root(header != null ? header : System.getProperty(PROPERTY));
    }

    static Optional<String> root(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher root = ROOT.matcher(header);
        return root.find() ? Optional.of(root.group(1)) : Optional.empty();
    }
}
