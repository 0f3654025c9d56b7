package io.megalogout.megaapi;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

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

    /** The body as UTF-8 text, if it is valid UTF-8. */
    Optional<String> strictText() {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString());
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
    }

    /** The body as text, invalid bytes replaced: for quoting an error answer's message. */
    String lenientText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
