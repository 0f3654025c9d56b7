package io.megalogout.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.megalogout.error.MegaApiTokenUnavailableException;

/** The problem of a secret that could not be read, on its own: what the caller reads, and what only the log line has. */
class ProblemResponsesTest {

    private static final String ARN = "arn:aws:secretsmanager:sa-east-1:000000000000:secret:megaapi/token-AbCdEf";

    @Test
    void tellsTheCallerNeitherTheSecretNorTheExtensionsAnswer() {
        MegaApiTokenUnavailableException failure = new MegaApiTokenUnavailableException("demo", "secret '" + ARN
                + "': the extension on localhost:2773 answered HTTP 403: {\"__type\":\"AccessDeniedException\"}");

        Problem problem = new ProblemResponses(null).logoutFailed(failure).getEntity();

        assertThat(problem.status()).isEqualTo(502);
        assertThat(problem.type()).hasToString("tag:megalogout.io,2026:problems/megaapi-token-unavailable");
        assertThat(problem.detail()).contains("'demo'", "nothing was sent")
                .doesNotContain(ARN, "secretsmanager", "localhost", "2773", "403", "AccessDenied");
        assertThat(failure.operatorDetail()).contains(ARN, "HTTP 403", "AccessDeniedException");
    }
}
