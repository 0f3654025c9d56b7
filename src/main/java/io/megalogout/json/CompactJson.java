package io.megalogout.json;

import java.io.IOException;
import java.io.StringWriter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The JSON text of our answers, written with Jackson's generator: compact (no whitespace), every string escaped as JSON
 * requires, and Mega-API's JSON put in with {@link JsonGenerator#writeRawValue(String)}, exactly as it was sent.
 */
public final class CompactJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private CompactJson() {
    }

    /** Writes one JSON value; the generator's methods declare {@link IOException}. */
    @FunctionalInterface
    public interface Value {
        void writeTo(JsonGenerator json) throws IOException;
    }

    /**
     * The text {@code value} writes. Text, not bytes: the doors encode it, as they always have; Jackson's byte generator
     * would write a lone surrogate (which a key can hold, written in the event as an escape) as an escape of its own.
     */
    public static String write(Value value) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            value.writeTo(json);
        } catch (IOException misuse) {
            // A StringWriter never fails: only a misused generator (a field outside an object) gets here, a defect.
            throw new IllegalStateException("an answer's JSON could not be written", misuse);
        }
        return text.toString();
    }
}
