package io.megalogout.http;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.megalogout.http.Door.event;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.megalogout.megaapi.MegaApiStub;
import io.megalogout.megaapi.MegaApiStub.InjectMegaApiStub;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import io.restassured.http.ContentType;

/** With {@code http.auth.enabled=false} set explicitly, the door serves callers without a key. */
@QuarkusTest
@TestProfile(AuthSwitchedOffProfile.class)
@WithTestResource(MegaApiStub.class)
class LogoutResourceWithoutKeysTest {

    @InjectMegaApiStub
    WireMockServer megaApi;

    @Test
    void servesCallersWithoutAKeyWhenKeysAreSwitchedOff() {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson("{\"error\":false,\"message\":\"ok\"}")));

        given().contentType(ContentType.JSON).body(event("demo")).post("/logout").then().statusCode(200);

        assertThat(megaApi.getAllServeEvents()).hasSize(1);
    }
}
