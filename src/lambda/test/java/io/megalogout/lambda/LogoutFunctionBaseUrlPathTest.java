package io.megalogout.lambda;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.megalogout.lambda.EventServer.event;
import static io.megalogout.lambda.EventServer.invoke;
import static io.megalogout.megaapi.StatusScenarios.received;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.eclipse.microprofile.config.ConfigProvider;
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

    @Test
    void aDryRunNamesTheUrlThatTheLogoutIsSentTo() {
        megaApi.stubFor(any(anyUrl())
                .willReturn(okJson("{\"error\":false,\"message\":\"ok\",\"instance\":{\"status\":\"connected\"}}")));

        String answer = invoke("{\"instanceKey\":\"demo\",\"dryRun\":true}").statusCode(200).extract().asString();
        invoke(event("demo")).statusCode(200);

        URI baseUrl = URI.create(ConfigProvider.getConfig().getValue("megaapi.base-url", String.class));
        URI wouldSend = URI.create(answer.replaceFirst(".*\"wouldSend\":\"DELETE ([^\"]+)\".*", "$1"));
        assertThat(wouldSend.getHost() + ":" + wouldSend.getPort()).isEqualTo(baseUrl.getHost() + ":" + baseUrl.getPort());
        assertThat(wouldSend.getPath()).isEqualTo("/proxy/rest/instance/demo/logout");
        assertThat(received(megaApi)).containsExactly("GET /proxy/rest/instance/demo", "DELETE " + wouldSend.getPath());
    }
}
