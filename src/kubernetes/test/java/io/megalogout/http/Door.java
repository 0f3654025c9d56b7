package io.megalogout.http;

import static io.restassured.RestAssured.given;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Calls the door as a client would: over HTTP, on the public port, or on the management port. */
final class Door {

    private Door() {
    }

    /** {@code POST /logout} with {@code event} as the body and the current API key. */
    static ValidatableResponse logout(String event) {
        return withKey(DoorSettingsForTests.KEY).body(event).post("/logout").then();
    }

    static RequestSpecification withKey(String key) {
        return given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON);
    }

    static String event(String instanceKey) {
        return "{\"instanceKey\":\"" + instanceKey + "\"}";
    }

    /**
     * The management interface: health, metrics, OpenAPI. In process, on the test port Quarkus chose; against the
     * packaged jar, on the port {@link DoorSettingsForTests} gave it.
     */
    static RequestSpecification management() {
        int port = ConfigProvider.getConfig().getOptionalValue("quarkus.management.test-port", Integer.class)
                .filter(p -> p > 0).orElseGet(() -> Integer.getInteger(DoorSettingsForTests.MANAGEMENT_PORT));
        return given().port(port);
    }
}
