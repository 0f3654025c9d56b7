package io.megalogout.json;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
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
}
