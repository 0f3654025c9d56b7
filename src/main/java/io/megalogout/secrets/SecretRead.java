package io.megalogout.secrets;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import io.megalogout.json.StrictJson;

/**
 * One read of one secret: the requests it needs, within one budget, on the JDK's {@link HttpURLConnection}. Each
 * connection is closed once its answer is read, so nothing stays open after a read: nothing of it can end up in a
 * SnapStart snapshot or be reused after Lambda froze the process. Not the JDK's {@code java.net.http} client, which
 * measured 230 ms and 23 MB more on the first logout (it sets up TLS and a selector thread even for
 * {@code http://localhost}); not the application's REST client, so that this package stays free of Quarkus and can be
 * tested on its own.
 */
final class SecretRead {

    /** An extension that is still starting refuses connections: retry those, first after this, then twice as long. */
    static final Duration FIRST_WAIT = Duration.ofMillis(10);
    static final Duration MAX_WAIT = Duration.ofMillis(200);
    /** Error text from the extension is quoted up to this many characters, for the human reading the log. */
    static final int MAX_QUOTED = 200;
    /** The largest answer read: a SecretString holds at most 64 KiB. */
    static final int MAX_ANSWER = 256 * 1024;

    private final String secretId;
    private final Duration budget;
    private final long deadline;
    private String sessionToken = "";

    SecretRead(String secretId, Duration budget) {
        this.secretId = secretId;
        this.budget = budget;
        this.deadline = System.nanoTime() + budget.toNanos();
    }

    /** The session token, kept only to be cut out of any error text that might echo it. */
    void sessionToken(String token) {
        this.sessionToken = token;
    }

    /**
     * GETs {@code uri} with {@code headers}, retrying only while nothing listens, and reads the answer. Connecting and
     * each wait for data end at the end of the budget.
     */
    Answer get(URI uri, Map<String, String> headers, String what) {
        Duration wait = FIRST_WAIT;
        while (true) {
            HttpURLConnection connection = open(uri, what);
            try {
                headers.forEach(connection::setRequestProperty);
                int status = connection.getResponseCode();
                InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
                byte[] bytes = body == null ? new byte[0] : body.readNBytes(MAX_ANSWER);
                return new Answer(status, new String(bytes, StandardCharsets.UTF_8));
            } catch (SocketTimeoutException slow) {
                throw failed("no answer from " + what + " within " + budget.toMillis() + " ms");
            } catch (ConnectException refused) {
                if (!sleep(wait)) {
                    throw failed(what + " could not be reached at " + uri.getAuthority() + " (ConnectException)");
                }
                wait = wait.multipliedBy(2).compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait.multipliedBy(2);
            } catch (IOException e) {
                throw failed(what + " could not be read at " + uri.getAuthority() + " (" + e.getClass().getSimpleName()
                        + ")");
            } finally {
                connection.disconnect();
            }
        }
    }

    private HttpURLConnection open(URI uri, String what) {
        int left = (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        if (left <= 0) {
            throw failed("no answer from " + what + " within " + budget.toMillis() + " ms");
        }
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
            connection.setConnectTimeout(left);
            connection.setReadTimeout(left);
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            // Closed by both sides after the answer: no connection is kept for a later read.
            connection.setRequestProperty("Connection", "close");
            return connection;
        } catch (IOException | IllegalArgumentException e) {
            throw failed(what + " has no usable address (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Sleeps before another attempt, if one still fits in the budget. */
    private boolean sleep(Duration wait) {
        if (deadline - System.nanoTime() <= wait.toNanos()) {
            return false;
        }
        try {
            Thread.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    SecretReadException failed(String what) {
        return new SecretReadException(secretId, what);
    }

    /** An answer as read: its status and body. */
    final class Answer {

        private final int status;
        private final String body;

        Answer(int status, String body) {
            this.status = status;
            this.body = body;
        }

        int status() {
            return status;
        }

        /** A string field of the JSON body. */
        Optional<String> text(String field) {
            JsonNode json;
            try {
                json = StrictJson.MAPPER.readTree(body);
            } catch (IOException notJson) {
                return Optional.empty();
            }
            JsonNode value = json == null ? null : json.get(field);
            return value != null && value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
        }

        /**
         * The start of an error body, to say why (e.g. {@code AccessDeniedException}): error answers carry no secret
         * value, and the session token is cut out in case one echoes it.
         */
        String quoted() {
            String text = (sessionToken.isEmpty() ? body : body.replace(sessionToken, "***"))
                    .replaceAll("\\p{Cntrl}", " ").strip();
            if (text.isEmpty()) {
                return "";
            }
            return ": " + (text.length() <= MAX_QUOTED ? text : text.substring(0, MAX_QUOTED) + "...");
        }
    }
}
