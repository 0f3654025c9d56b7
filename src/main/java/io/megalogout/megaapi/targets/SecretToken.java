package io.megalogout.megaapi.targets;

import java.io.IOException;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import io.megalogout.json.StrictJson;
import io.megalogout.secrets.SecretReadException;
import io.megalogout.secrets.SecretsReader;

/**
 * The token in an AWS Secrets Manager secret ({@code megaapi.token-secret-id}), read by the configured
 * {@link SecretsReader}. The {@code SecretString} is the token itself, or a JSON object with a string {@code token}
 * (the shape the console's key/value editor writes).
 */
final class SecretToken implements TokenSource {

    private final SecretsReader secrets;
    private final String secretId;

    SecretToken(SecretsReader secrets, String secretId) {
        this.secrets = secrets;
        this.secretId = secretId;
    }

    @Override
    public BearerToken read(Duration budget) {
        String secret;
        try {
            secret = secrets.secretString(secretId, budget);
        } catch (SecretReadException unreadable) {
            throw new TokenReadException(unreadable.getMessage());
        }
        BearerToken token = new BearerToken(secret.strip().startsWith("{") ? tokenField(secret) : secret.strip());
        if (!token.isWellFormed()) {
            throw new TokenReadException(name() + " holds no bearer token (RFC 6750: A-Z a-z 0-9 - . _ ~ + / then "
                    + "optional '='), neither as its whole value nor in a JSON field 'token'");
        }
        return token;
    }

    private String tokenField(String secret) {
        JsonNode json;
        try {
            json = StrictJson.MAPPER.readTree(secret);
        } catch (IOException notJson) {
            throw new TokenReadException(name() + " starts like JSON but is not valid JSON");
        }
        JsonNode token = json == null ? null : json.get("token");
        if (token == null || !token.isTextual()) {
            throw new TokenReadException(name() + " is a JSON value without a string field 'token'");
        }
        return token.textValue().strip();
    }

    @Override
    public String name() {
        return "secret '" + secretId + "'";
    }
}
