import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

/**
 * The benchmark's floor, not product code: the same logout with no framework. It reads {"instanceKey": "..."}, checks the
 * key roughly, sends DELETE {MEGAAPI_BASE_URL}/rest/instance/{key}/logout with the bearer token on a new TLS connection
 * (the floor docs/performance.md's targets are set against: keep-alive off, as ours was when they were set and is with
 * megaapi.connection-reuse-ms=0) and returns Mega-API's 2xx body. Any other status fails the invocation.
 */
public class BaselineHandler implements RequestStreamHandler {

    private static final Pattern KEY = Pattern.compile("\"instanceKey\"\\s*:\\s*\"([A-Za-z0-9._-]{1,128})\"");

    static {
        // java.net.http refuses a Connection header unless allowed; without it the client would pool connections,
        // which ours does not (a frozen Lambda's pooled connection may be dead on thaw).
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "connection");
    }

    // HTTP/1.1 as ours speaks it (and HTTP/2 forbids the Connection header).
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String BASE_URL = System.getenv("MEGAAPI_BASE_URL");
    private static final String TOKEN = System.getenv("MEGAAPI_TOKEN");

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Matcher key = KEY.matcher(new String(input.readAllBytes(), StandardCharsets.UTF_8));
        if (!key.find()) {
            throw new IllegalArgumentException("no valid instanceKey");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(BASE_URL + "/rest/instance/" + key.group(1) + "/logout"))
                .DELETE().header("Authorization", "Bearer " + TOKEN).header("Connection", "close")
                .timeout(Duration.ofSeconds(10)).build();
        HttpResponse<byte[]> response;
        try {
            response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Mega-API answered " + response.statusCode());
        }
        output.write(response.body());
    }
}
