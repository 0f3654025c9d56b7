package io.megalogout.lambda;

import static io.megalogout.lambda.EventServer.event;
import static io.megalogout.lambda.EventServer.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.megalogout.TokenNeverLogged;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Nothing listening at the base URL: the connection is refused, and that is MegaApiUnavailable. The caller is told what
 * failed, not the address or the exception; the log line has both.
 */
@QuarkusTest
@TestProfile(DeadMegaApiProfile.class)
class LogoutFunctionConnectionRefusedTest {

    @Test
    void reportsARefusedConnectionAsUnavailable() {
        invoke(event("demo")).statusCode(500)
                .body("errorType", equalTo("io.megalogout.error.MegaApiUnavailableException"))
                .body("errorMessage", allOf(containsString("'demo'"), containsString("could not connect to it"),
                        not(containsString("127.0.0.1")), not(containsString("Exception")),
                        not(containsString("dead-end-fake-token"))));

        assertThat(TokenNeverLogged.captured()).containsPattern(
                "outcome=MegaApiUnavailableException .*detail=\".*could not connect to it.*127\\.0\\.0\\.1:\\d+: ConnectException");
    }
}
