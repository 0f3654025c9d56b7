package io.megalogout.megaapi;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;

import io.megalogout.error.UpstreamText;
import io.megalogout.json.StrictJson;
import io.megalogout.megaapi.targets.Redaction;

/** Upstream text made safe to quote in our messages: no token, no control characters, at most a line. */
@Singleton
class SafeText {

    private final Redaction tokens;

    SafeText(Redaction tokens) {
        this.tokens = tokens;
    }

    String of(String text) {
        return UpstreamText.quoted(tokens.redact(text));
    }

    /** The {@code message} of an answer, when it is a JSON object that has one, made safe to quote. */
    String messageOf(String body) {
        JsonNode message = StrictJson.tree(body).map(json -> json.get("message")).orElse(null);
        return message == null || !message.isTextual() ? null : of(message.textValue());
    }
}
