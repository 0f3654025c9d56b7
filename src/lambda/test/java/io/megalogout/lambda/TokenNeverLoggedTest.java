package io.megalogout.lambda;

import static io.megalogout.lambda.EventServer.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.megalogout.TokenNeverLogged;
import io.megalogout.megaapi.MegaApiStub;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The log check of the whole suite really sees the application's log lines, so its silence means something. */
@QuarkusTest
@WithTestResource(MegaApiStub.class)
class TokenNeverLoggedTest {

    @Test
    void capturesTheApplicationsInvocationLine() {
        invoke("{\"instanceKey\":\"seen-by-the-log-check\"}");

        assertThat(TokenNeverLogged.captured()).contains("logout requestId=", "instanceKey=seen-by-the-log-check");
    }
}
