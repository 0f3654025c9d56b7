package io.megalogout.secrets;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * AWS Secrets Manager as the AWS Parameters and Secrets Lambda Extension serves it on localhost:
 * {@code GET http://localhost:${PARAMETERS_SECRETS_EXTENSION_HTTP_PORT:-2773}/secretsmanager/get?secretId=...} with the
 * function's session token in {@code X-Aws-Parameters-Secrets-Token}. The extension serves only in Lambda's invoke
 * phase, not during init (AWS's documentation of the extension), so callers read when an invocation needs the secret.
 * <p>
 * Only without SnapStart: Lambda sets no {@code AWS_SESSION_TOKEN} under SnapStart, and the extension is not documented
 * to accept anything else (a user who sent the container credentials' session token was refused, and AWS support said
 * the extension does not work with SnapStart: AWS re:Post, "parameters and secrets lambda extension with snapstart").
 * So this reader asks for {@code AWS_SESSION_TOKEN} and nothing else; {@code megaapi.secrets.reader=sdk} is the reader
 * for SnapStart.
 */
public final class SecretsExtension implements SecretsReader {

    public static final String PORT_VARIABLE = "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT";
    static final int DEFAULT_PORT = 2773;
    static final String TOKEN_HEADER = "X-Aws-Parameters-Secrets-Token";
    static final String SESSION_TOKEN = "AWS_SESSION_TOKEN";

    private final Environment environment;
    private final int port;

    /** @throws IllegalArgumentException when {@code PARAMETERS_SECRETS_EXTENSION_HTTP_PORT} is not a port number */
    public SecretsExtension(Environment environment) {
        this.environment = environment;
        this.port = environment.get(PORT_VARIABLE).map(SecretsExtension::port).orElse(DEFAULT_PORT);
    }

    @Override
    public Optional<String> unusable() {
        if (environment.get(SESSION_TOKEN).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("the session token that the extension on " + address() + " asks for is not: "
                + SESSION_TOKEN + " is not set (Lambda sets none under SnapStart, where megaapi.secrets.reader=sdk"
                + " reads secrets)");
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
    @Override
    public String secretString(String secretId, Duration budget) {
        SecretRead read = new SecretRead(secretId, budget);
        String sessionToken = environment.get(SESSION_TOKEN)
                .orElseThrow(() -> read.failed("no session token for the extension: " + SESSION_TOKEN + " is not set"));
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
