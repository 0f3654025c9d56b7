package io.megalogout.http;

import static io.megalogout.http.Door.event;
import static io.megalogout.http.Door.logout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.megalogout.TokenNeverLogged;
import io.megalogout.error.LogoutFailure;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A refused connection, whose exception names the address it was refused at: the caller is told what failed, in at
 * most 300 characters, without the address or the exception; the log line keeps both.
 */
@QuarkusTest
@TestProfile(UnreachableMegaApiProfile.class)
@WithTestResource(DoorSettingsForTests.class)
class LogoutResourceUnreachableMegaApiTest {

    private static final String ADDRESS = "127.0.0.1:" + UnreachableMegaApiProfile.PORT;

    @Test
    void answersWhatFailedWithoutTheAddressOrTheException() {
        String detail = logout(event("demo")).statusCode(502)
                .contentType(LogoutResourceTest.PROBLEM)
                .body("type", equalTo("tag:megalogout.io,2026:problems/megaapi-unavailable"))
                .extract().path("detail");

        assertThat(detail).hasSizeLessThanOrEqualTo(LogoutFailure.MAX_MESSAGE)
                .contains("'demo'", "could not connect to it", "nothing was sent")
                .doesNotContain("127.0.0.1", String.valueOf(UnreachableMegaApiProfile.PORT), "Exception", "refused");
        assertThat(TokenNeverLogged.captured()).containsPattern("outcome=MegaApiUnavailableException .*detail=\".*"
                + "could not connect to it.*" + ADDRESS.replace(".", "\\.") + ": ConnectException");
    }

    @Test
    void answersABulkKeyWithTheSameWords() {
        String message = logout("{\"instanceKeys\":[\"demo\"]}").statusCode(200)
                .extract().path("results[0].errorMessage");

        assertThat(message).contains("could not connect to it").doesNotContain("127.0.0.1", "Exception");
    }
}
