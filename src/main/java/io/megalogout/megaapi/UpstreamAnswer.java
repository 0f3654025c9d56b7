package io.megalogout.megaapi;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import io.megalogout.json.StrictJson;

/**
 * What Mega-API answered to one request, as read from the wire.
 *
 * @param status the HTTP status
 * @param contentType the {@code Content-Type} header, if any
 * @param retryAfter the {@code Retry-After} header, if any
 * @param body the body's first bytes, at most {@code megaapi.max-response-bytes}
 * @param truncated whether the body went on past {@code body}
 */
record UpstreamAnswer(int status, Optional<String> contentType, Optional<String> retryAfter, byte[] body,
        boolean truncated) {

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** Whether the {@code Content-Type} is {@code application/json}, or a {@code +json} type, with any parameters. */
    boolean isJson() {
        String type = contentType.orElse("").split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    /** The body as UTF-8 text, if it is valid UTF-8. */
    Optional<String> strictText() {
        return StrictJson.utf8(body);
    }

    /** The body as text, invalid bytes replaced: for quoting an error answer's message. */
    String lenientText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
