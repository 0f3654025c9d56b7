package io.megalogout.lambda.secrets;

import java.nio.charset.StandardCharsets;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The SDK's own words on a failure, fit for a log line: AWS's error messages and the credentials chain's name what is
 * missing or refused (a role, a resource, a provider), never a secret value; still, control characters become spaces and
 * the text is cut at {@value #MAX_QUOTED} characters, and the environment's credentials are cut out should one appear.
 */
final class SdkFailures {

    static final int MAX_QUOTED = 800;
    private static final String[] CREDENTIALS = { "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN" };

    private SdkFailures() {
    }

    /**
     * {@code Secrets Manager answered HTTP <status> <error code>: <message>}; where the SDK could not parse the error
     * (a proxy's or a stand-in's own body), the body's start instead of the message. Error answers carry no secret value.
     */
    static String refusal(AwsServiceException refused) {
        AwsErrorDetails details = refused.awsErrorDetails();
        String code = details == null || details.errorCode() == null ? "" : " " + details.errorCode();
        String message = details == null ? null : details.errorMessage();
        if (message == null && details != null && details.rawResponse() != null) {
            message = details.rawResponse().asString(StandardCharsets.UTF_8);
        }
        return "Secrets Manager answered HTTP " + refused.statusCode() + code + quoted(message);
    }

    /**
     * Why the SDK could not ask Secrets Manager. When no credentials could be had, the chain's own words per provider
     * (under SnapStart the container credentials provider's is the one that matters), without the chain's listing of
     * those same providers before them, which would push them past the cut.
     */
    static String clientFailure(SdkException failed) {
        String message = failed.getMessage();
        int reasons = message == null ? -1 : message.indexOf(") : [");
        if (reasons > 0 && message.startsWith("Unable to load credentials from any of the providers")) {
            return "no credentials from the default chain" + quoted(message.substring(reasons + ") : ".length()));
        }
        return "Secrets Manager could not be asked (" + failed.getClass().getSimpleName() + ")" + quoted(message);
    }

    /** {@code ": <text>"}, or nothing when there is no text. */
    static String quoted(String message) {
        if (message == null || message.isBlank()) {
            return "";
        }
        String text = message;
        for (String variable : CREDENTIALS) {
            String value = System.getenv(variable);
            if (value != null && value.length() >= 8) {
                text = text.replace(value, "***");
            }
        }
        text = text.replaceAll("\\p{Cntrl}", " ").strip();
        return ": " + (text.length() <= MAX_QUOTED ? text : text.substring(0, MAX_QUOTED) + "...");
    }
}
