package io.megalogout.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.megalogout.error.InvalidEventException;

/**
 * Parses the raw event bytes ourselves, so that any malformed event ends in {@link InvalidEventException} and never in
 * a Jackson or cast exception. Strict: valid UTF-8, one JSON object, no duplicate fields, nothing after it.
 */
@Singleton
class LogoutEventReader {

    private final ObjectMapper json = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    LogoutEvent read(InputStream event) {
        JsonNode root;
        try {
            root = json.readTree(utf8(event));
        } catch (IOException e) {
            throw new InvalidEventException("it is not a single valid JSON document (" + e.getClass().getSimpleName() + ")");
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidEventException("it is empty");
        }
        if (!root.isObject()) {
            throw new InvalidEventException(
                    "it is a JSON " + root.getNodeType().name().toLowerCase(Locale.ROOT) + ", not an object");
        }
        JsonNode key = root.get("instanceKey");
        if (key == null || key.isNull()) {
            throw new InvalidEventException("it has no instanceKey");
        }
        if (!key.isTextual()) {
            throw new InvalidEventException(
                    "its instanceKey is a " + key.getNodeType().name().toLowerCase(Locale.ROOT) + ", not a string");
        }
        return new LogoutEvent(key.textValue());
    }

    /**
     * The event as text, decoded strictly: Jackson's own decoder lets overlong and out-of-range sequences through, and
     * {@code C1 A4} would read as {@code d}, so a key the caller never wrote could be logged out.
     */
    private static String utf8(InputStream event) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(event.readAllBytes()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidEventException("it is not valid UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException("the event could not be read", e);
        }
    }
}
