package io.megalogout.lambda;

import static io.restassured.RestAssured.given;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Invokes the function through Quarkus' mock Lambda event server, as a caller of the Lambda would. */
final class EventServer {

    private EventServer() {
    }

    static ValidatableResponse invoke(String event) {
        return invoke(event.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static ValidatableResponse invoke(byte[] event) {
        // The mock event server runs on an ephemeral test port; the extension publishes the port it got.
        int port = ConfigProvider.getConfig().getValue("quarkus.lambda.mock-event-server.test-port", Integer.class);
        return given().port(port).contentType(ContentType.JSON).body(event).when().post("/_lambda_").then();
    }

    static String event(String instanceKey) {
        return "{\"instanceKey\":\"" + instanceKey + "\"}";
    }
}
