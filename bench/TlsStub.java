import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.nio.file.Path;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * Mega-API as a WireMock stub over HTTPS only, with bench/run's self-signed certificate (CN and SAN localhost), so that
 * each logout pays the TLS handshake it pays in production. It answers a logout with the right bearer token, and 404 to
 * anything else, which fails the invocation.
 */
final class TlsStub implements AutoCloseable {

    static final String TOKEN = "bench-token-not-secret";
    static final String ANSWER = "{\"error\":false,\"message\":\"disconnected\"}";

    private final WireMockServer server;

    TlsStub(Path keystore, String password) {
        server = new WireMockServer(wireMockConfig().httpDisabled(true).dynamicHttpsPort()
                .keystorePath(keystore.toString()).keystorePassword(password).keyManagerPassword(password)
                .keystoreType("PKCS12").containerThreads(64)
                // Hundreds of thousands of requests per run: the journal would only grow.
                .disableRequestJournal());
        server.start();
        server.stubFor(delete(urlPathMatching("/rest/instance/[^/]+/logout"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)).willReturn(okJson(ANSWER)));
    }

    /** https://localhost:port: the host name the certificate names. */
    String baseUrl() {
        return "https://localhost:" + port();
    }

    int port() {
        return server.httpsPort();
    }

    @Override
    public void close() {
        server.stop();
    }
}
