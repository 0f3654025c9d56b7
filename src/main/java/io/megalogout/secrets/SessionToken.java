package io.megalogout.secrets;

import java.net.URI;
import java.util.Map;

/**
 * The function's session token, which the extension wants in {@code X-Aws-Parameters-Secrets-Token} as proof that a
 * request comes from inside the execution environment. Lambda sets {@code AWS_SESSION_TOKEN}, except with SnapStart:
 * there it hands out credentials through a container endpoint ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI}, authorized
 * by {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}) so that no restored copy uses expired ones, and AWS's documentation of
 * the extension says to take the session token from those credentials then. Resolved for each read, never kept.
 */
final class SessionToken {

    static final String VARIABLE = "AWS_SESSION_TOKEN";
    static final String CONTAINER_URI = "AWS_CONTAINER_CREDENTIALS_FULL_URI";
    static final String CONTAINER_AUTHORIZATION = "AWS_CONTAINER_AUTHORIZATION_TOKEN";

    private SessionToken() {
    }

    /** Whether this environment offers a session token at all. */
    static boolean available(Environment environment) {
        return environment.get(VARIABLE).isPresent() || (environment.get(CONTAINER_URI).isPresent()
                && environment.get(CONTAINER_AUTHORIZATION).isPresent());
    }

    static String resolve(Environment environment, SecretRead read) {
        var variable = environment.get(VARIABLE);
        if (variable.isPresent()) {
            return variable.get();
        }
        var uri = environment.get(CONTAINER_URI);
        var authorization = environment.get(CONTAINER_AUTHORIZATION);
        if (uri.isEmpty() || authorization.isEmpty()) {
            throw read.failed("no session token for the extension: " + VARIABLE + " is not set, nor are " + CONTAINER_URI
                    + " and " + CONTAINER_AUTHORIZATION + " (SnapStart)");
        }
        URI endpoint;
        try {
            endpoint = URI.create(uri.get());
        } catch (IllegalArgumentException notAUri) {
            throw read.failed(CONTAINER_URI + " is not a URI");
        }
        SecretRead.Answer answer = read.get(endpoint, Map.of("Authorization", authorization.get()),
                "the container credentials endpoint");
        if (answer.status() != 200) {
            throw read.failed("the container credentials endpoint answered HTTP " + answer.status() + answer.quoted());
        }
        return answer.text("Token")
                .orElseThrow(() -> read.failed("the container credentials endpoint's answer has no Token"));
    }
}
