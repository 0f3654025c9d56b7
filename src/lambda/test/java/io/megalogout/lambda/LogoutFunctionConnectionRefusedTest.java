package io.megalogout.lambda;

import static io.megalogout.lambda.EventServer.event;
import static io.megalogout.lambda.EventServer.invoke;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Nothing listening at the base URL: the connection is refused, and that is MegaApiUnavailable. */
@QuarkusTest
@TestProfile(DeadMegaApiProfile.class)
class LogoutFunctionConnectionRefusedTest {

    @Test
    void reportsARefusedConnectionAsUnavailable() {
        invoke(event("demo")).statusCode(500)
                .body("errorType", equalTo("io.megalogout.error.MegaApiUnavailableException"))
                .body("errorMessage", allOf(containsString("'demo'"), containsString("Connect"),
                        not(containsString("dead-end-fake-token"))));
    }
}
