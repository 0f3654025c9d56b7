package io.megalogout.lambda;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.megalogout.lambda.EventServer.event;
import static io.megalogout.lambda.EventServer.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.megalogout.megaapi.MegaApiStub;
import io.megalogout.megaapi.MegaApiStub.InjectMegaApiStub;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A base URL with a path and a trailing slash, as pasted from a browser: the call still lands on exactly one path. */
@QuarkusTest
@WithTestResource(value = MegaApiStub.class, initArgs = @ResourceArg(name = MegaApiStub.BASE_PATH, value = "/proxy/"))
class LogoutFunctionBaseUrlPathTest {

    @InjectMegaApiStub
    WireMockServer megaApi;

    @Test
    void callsTheLogoutPathUnderTheBaseUrlPath() {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson("{\"error\":false,\"message\":\"ok\"}")));

        invoke(event("demo")).statusCode(200);

        megaApi.verify(1, deleteRequestedFor(urlEqualTo("/proxy/rest/instance/demo/logout")));
        assertThat(megaApi.getAllServeEvents()).hasSize(1);
    }
}
