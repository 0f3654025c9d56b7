package io.megalogout.megaapi.targets;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import io.megalogout.error.InvalidInstanceKeyException;
import io.megalogout.json.StrictJson;
import io.megalogout.logout.InstanceKey;

/**
 * The instances secret's {@code SecretString}: {@code {"<key>": {"token": "...", "base-url": "https://..."}, ...}}, each
 * field optional. Read whole or not at all: a key that is not a valid instance key, an unknown field (a misspelt
 * {@code "baseUrl"} would send that instance's token to the default host), a malformed token or an unsafe URL refuses
 * the secret, and messages name the key and field, never a value.
 */
final class InstancesJson {

    private static final Set<String> FIELDS = Set.of(InstanceNames.TOKEN, InstanceNames.BASE_URL);

    private InstancesJson() {
    }

    /** @throws TokenReadException saying what is wrong where */
    static Map<String, InstanceSettings> parse(String json, String secret, boolean plainHttp) {
        JsonNode root;
        try {
            root = StrictJson.MAPPER.readTree(json);
        } catch (IOException notJson) {
            throw new TokenReadException(secret + " is not a JSON object (or repeats a name)");
        }
        if (root == null || !root.isObject()) {
            throw new TokenReadException(secret + " is not a JSON object of instance keys");
        }
        Map<String, InstanceSettings> instances = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = root.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> entry = fields.next();
            String key = key(entry.getKey(), secret);
            String where = secret + ", instance '" + key + "'";
            InstanceSettings settings = new InstanceSettings(text(entry.getValue(), InstanceNames.BASE_URL, where),
                    text(entry.getValue(), InstanceNames.TOKEN, where).map(BearerToken::new), secret);
            settings.baseUrl().flatMap(url -> BaseUrls.problem(url, plainHttp)).ifPresent(why -> {
                throw new TokenReadException(where + ": its base-url " + why);
            });
            if (settings.token().isPresent() && !settings.token().get().isWellFormed()) {
                throw new TokenReadException(where + ": its token is not a bearer token (RFC 6750: A-Z a-z 0-9 - . _ ~"
                        + " + / then optional '=')");
            }
            instances.put(key, settings);
        }
        return instances;
    }

    private static String key(String key, String secret) {
        try {
            return new InstanceKey(key).value();
        } catch (InvalidInstanceKeyException invalid) {
            throw new TokenReadException(secret + " names an invalid instance key: " + invalid.getMessage());
        }
    }

    private static Optional<String> text(JsonNode settings, String field, String where) {
        if (settings == null || !settings.isObject()) {
            throw new TokenReadException(where + " is not a JSON object with \"token\" and/or \"base-url\"");
        }
        settings.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw new TokenReadException(where + " has an unknown field (only \"token\" and \"base-url\")");
            }
        });
        JsonNode value = settings.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw new TokenReadException(where + ": its \"" + field + "\" is not a non-empty string");
        }
        return Optional.of(value.textValue().strip());
    }
}
