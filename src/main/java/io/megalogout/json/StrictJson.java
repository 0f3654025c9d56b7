package io.megalogout.json;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reading JSON we must not misread: the Lambda event (whose key decides what is logged out) and Mega-API's answer
 * (which is passed on as sent). The Lambda door and the Mega-API client both read through here.
 */
public final class StrictJson {

    /**
     * One JSON document and nothing else: a duplicate field makes it ambiguous, and data after it would make the text
     * something other than the JSON that was checked. Thread-safe.
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private StrictJson() {
    }

    /**
     * The bytes as text if they are valid UTF-8. Decode with this, not with Jackson's byte reader, which lets overlong
     * and out-of-range sequences through ({@code C1 A4} would read as {@code d}).
     */
    public static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
    }

    /** {@code text} read as one JSON document with {@link #MAPPER}; empty if it is blank or not one. */
    public static Optional<JsonNode> tree(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(MAPPER.readTree(text));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    /**
     * The JSON text of the root object's member {@code name}, an object or an array, exactly as {@code document} writes
     * it (whitespace, escapes and number forms kept), so that it can be passed on as it was sent. Empty when the root is
     * not an object, or has no such member holding an object or an array. Read {@code document} with {@link #MAPPER}
     * first: this does not check it again.
     */
    public static Optional<String> memberText(String document, String name) {
        try (JsonParser parser = MAPPER.createParser(document)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean wanted = parser.currentName().equals(name);
                boolean container = parser.nextToken().isStructStart();
                int start = (int) parser.currentTokenLocation().getCharOffset();
                parser.skipChildren();
                if (wanted) {
                    // After skipChildren the current token is the closing bracket: the value ends right after it.
                    return container ? Optional.of(document.substring(start,
                            (int) parser.currentTokenLocation().getCharOffset() + 1)) : Optional.empty();
                }
            }
            return Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }
}
