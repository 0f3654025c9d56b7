package io.megalogout.http;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.megalogout.http.Door.event;
import static io.megalogout.megaapi.MegaApiHosts.requests;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.megalogout.megaapi.MegaApiStub;
import io.megalogout.megaapi.MegaApiStub.InjectMegaApiStub;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The instances file changed while the door runs, as the kubelet changes a mounted Secret's file: a key added, moved to
 * another host and removed, each taking effect without a restart, asserted at both hosts (the right host with the
 * right token, nothing at the other).
 */
@QuarkusTest
@TestProfile(InstancesFileProfile.class)
@WithTestResource(MegaApiStub.class)
@WithTestResource(DoorSettingsForTests.class)
class LogoutResourceInstancesFileTest {

    private static final String OK = "{\"error\":false,\"message\":\"ok\"}";
    private static final String KEY = "cust-7.main";

    @InjectMegaApiStub
    WireMockServer defaultHost;

    private WireMockServer customerHost;

    @BeforeEach
    void startTheCustomersHost() throws IOException {
        customerHost = new WireMockServer(wireMockConfig().dynamicPort());
        customerHost.start();
        customerHost.stubFor(any(anyUrl()).willReturn(okJson(OK)));
        defaultHost.stubFor(any(anyUrl()).willReturn(okJson(OK)));
        Files.createDirectories(InstancesFileProfile.FILE.getParent());
        Files.deleteIfExists(InstancesFileProfile.FILE);
    }

    @AfterEach
    void stopIt() throws IOException {
        customerHost.stop();
        Files.deleteIfExists(InstancesFileProfile.FILE);
    }

    @Test
    void sendsAKeyAddedMovedAndRemovedWhereTheFileSaysNow() throws IOException {
        Door.logout(event(KEY)).statusCode(200);
        write(customerHost.baseUrl(), MegaApiStub.ROTATED_TOKEN);
        Door.logout(event(KEY)).statusCode(200);
        write(defaultHost.baseUrl(), "test-moved-token-never-logged");
        Door.logout(event(KEY)).statusCode(200);
        Files.delete(InstancesFileProfile.FILE);
        Door.logout(event(KEY)).statusCode(200);

        assertThat(requests(customerHost)).as("added").containsExactly(
                "DELETE /rest/instance/cust-7.main/logout Bearer " + MegaApiStub.ROTATED_TOKEN);
        assertThat(requests(defaultHost)).as("unlisted, moved, removed").containsExactly(
                "DELETE /rest/instance/cust-7.main/logout Bearer " + MegaApiStub.TOKEN,
                "DELETE /rest/instance/cust-7.main/logout Bearer test-moved-token-never-logged",
                "DELETE /rest/instance/cust-7.main/logout Bearer " + MegaApiStub.TOKEN);
    }

    private static void write(String baseUrl, String token) throws IOException {
        Files.writeString(InstancesFileProfile.FILE,
                "{\"" + KEY + "\": {\"token\": \"" + token + "\", \"base-url\": \"" + baseUrl + "\"}}");
    }

    /** Each request the host received, oldest first: method, path and bearer token. */
}
