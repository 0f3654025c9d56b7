package io.megalogout.http;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** A series' value on {@code /q/metrics} now, such as {@code megalogout_refused_total{...}}; 0 before it first counts. */
    static double counter(String series) {
        String metrics = management().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher value = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }
}
