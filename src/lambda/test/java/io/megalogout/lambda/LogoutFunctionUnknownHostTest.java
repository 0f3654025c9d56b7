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
 * A host that does not resolve: nothing was sent, so the logout is tried twice more, then MegaApiUnavailable. The caller
 * is told what failed, not the host's name or the resolver's words; the log line has both.
 */
@QuarkusTest
@TestProfile(UnknownHostProfile.class)
class LogoutFunctionUnknownHostTest {

    @Test
    void retriesAnUnknownHostTwiceThenReportsItUnavailable() {
        invoke(event("demo")).statusCode(500)
                .body("errorType", equalTo("io.megalogout.error.MegaApiUnavailableException"))
                .body("errorMessage", allOf(containsString("its host name could not be resolved"),
                        containsString("nothing was sent"), not(containsString("UnknownHost")),
                        not(containsString("megaapi.invalid")), not(containsString("unknown-host-fake-token"))));

        assertThat(TokenNeverLogged.captured().split("logout retry ", -1)).hasSize(3);
        assertThat(TokenNeverLogged.captured()).containsPattern(
                "outcome=MegaApiUnavailableException .*detail=\".*could not be resolved.*UnknownHostException.*megaapi\\.invalid");
    }
}
