package io.megalogout.logout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A dry run's and a confirmed logout's answers: our fields escaped as JSON requires, Mega-API's JSON passed on exactly
 * as it was sent (its spaces, escapes and number forms, which a parser and writer would change).
 */
class LogoutResultTest {

    private static final String INSTANCE = "{ \"key\" : \"demo\",\n \"status\":\"disconnected\","
            + " \"name\":\"Jo\\u00e3o \u00e9\", \"path\":\"a\\/b\", \"n\":1.0e0 }";
    private static final String LOGOUT = "{\"error\" :false, \"message\":\"Instance demo disconnected\"}";

    @Test
    void dryRunEscapesWhatItWouldSendAndPassesTheInstanceOnAsSent() {
        LogoutResult result = LogoutResult.dryRun("DELETE https://host/a\"b\\c\t\u0001\u00e9/logout",
                new InstanceStatus(200, "connected", INSTANCE));

        assertThat(result.json()).isEqualTo("{\"dryRun\":true,\"wouldSend\":\"DELETE https://host/a\\\"b\\\\c\\t\\u0001"
                + "\u00e9/logout\",\"instance\":" + INSTANCE + "}");
    }

    @Test
    void confirmedLogoutPassesTheLogoutAndTheInstanceOnAsSent() {
        LogoutResult result = LogoutResult.loggedOut(new LogoutAnswer(200, false, "Instance demo disconnected", LOGOUT),
                new InstanceStatus(200, "disconnected", INSTANCE));

        assertThat(result.json()).isEqualTo("{\"outcome\":\"LOGGED_OUT\",\"confirmed\":true,\"logout\":" + LOGOUT
                + ",\"instance\":" + INSTANCE + "}");
    }

    @Test
    void alreadyDisconnectedBeforeAnyLogoutHasNoLogoutField() {
        LogoutResult result = LogoutResult.alreadyDisconnected(new InstanceStatus(200, "disconnected", INSTANCE));

        assertThat(result.json())
                .isEqualTo("{\"outcome\":\"ALREADY_DISCONNECTED\",\"confirmed\":true,\"instance\":" + INSTANCE + "}");
    }
}
