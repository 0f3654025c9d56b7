package io.megalogout.secrets;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * AWS Secrets Manager as the AWS Parameters and Secrets Lambda Extension serves it on localhost:
 * {@code GET http://localhost:${PARAMETERS_SECRETS_EXTENSION_HTTP_PORT:-2773}/secretsmanager/get?secretId=...} with the
 * function's session token in {@code X-Aws-Parameters-Secrets-Token}. The extension serves only in Lambda's invoke
 * phase, not during init (AWS's documentation of the extension), so callers read when an invocation needs the secret.
 */
public final class SecretsExtension {

    public static final String PORT_VARIABLE = "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT";
    static final int DEFAULT_PORT = 2773;
    static final String TOKEN_HEADER = "X-Aws-Parameters-Secrets-Token";

    private final Environment environment;
    private final int port;

    /** @throws IllegalArgumentException when {@code PARAMETERS_SECRETS_EXTENSION_HTTP_PORT} is not a port number */
    public SecretsExtension(Environment environment) {
        this.environment = environment;
        this.port = environment.get(PORT_VARIABLE).map(SecretsExtension::port).orElse(DEFAULT_PORT);
    }

    /**
     * Whether the environment offers the session token the extension asks for: {@code AWS_SESSION_TOKEN}, or the
     * container credentials that replace it under SnapStart.
     */
    public boolean hasSessionToken() {
        return SessionToken.available(environment);
    }

    /** {@code localhost:<port>}, for messages. */
    public String address() {
        return "localhost:" + port;
    }

    /**
     * The secret's current {@code SecretString}, read within {@code budget} (connection refusals, as while the
     * extension starts, are retried within it).
     *
     * @param secretId the secret's ARN or name
     * @throws SecretReadException naming the secret and what went wrong, never a value
     */
    public String secretString(String secretId, Duration budget) {
        SecretRead read = new SecretRead(secretId, budget);
        String sessionToken = SessionToken.resolve(environment, read);
        read.sessionToken(sessionToken);
        SecretRead.Answer answer = read.get(uri(secretId), Map.of(TOKEN_HEADER, sessionToken), "the extension");
        if (answer.status() != 200) {
            throw read.failed("the extension on " + address() + " answered HTTP " + answer.status() + answer.quoted());
        }
        return answer.text("SecretString").orElseThrow(
                () -> read.failed("the extension's answer has no SecretString (a binary secret is not supported)"));
    }

    private URI uri(String secretId) {
        return URI.create("http://" + address() + "/secretsmanager/get?secretId="
                + URLEncoder.encode(secretId, StandardCharsets.UTF_8));
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value.strip());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new IllegalArgumentException(PORT_VARIABLE + " is not a port number");
    }
}
