package io.megalogout.megaapi.targets;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.megalogout.error.InvalidInstanceKeyException;
import io.megalogout.json.StrictJson;
import io.megalogout.logout.InstanceKey;
import io.megalogout.logout.LogValue;

/**
 * An instances source's text: {@code {"<key>": {"token": "...", "base-url": "https://..."}, ...}}, each field optional.
 * Text that is not one JSON object (or repeats a name) refuses the whole source: nothing in it can be trusted. Within
 * it, each entry stands alone: a key that is not a valid instance key, an unknown field (a misspelt {@code "baseUrl"}
 * would send that instance's token to the default host), a malformed token or an unsafe URL refuses that entry
 * ({@link InstanceEntries}), and one ERROR line per read names it. Messages name the key and field, never a value.
 */
final class InstancesJson {

    private static final Logger LOG = Logger.getLogger(InstancesJson.class);
    private static final Set<String> FIELDS = Set.of(InstanceNames.TOKEN, InstanceNames.BASE_URL);

    private InstancesJson() {
    }

    /**
     * @param source the source, for messages: {@code secret '<id>'}
     * @throws TokenReadException when the text is not one JSON object
     */
    static InstanceEntries parse(String json, String source, boolean plainHttp) {
        JsonNode root;
        try {
            root = StrictJson.MAPPER.readTree(json);
        } catch (IOException notJson) {
            throw new TokenReadException(source + " is not a JSON object (or repeats a name)");
        }
        if (root == null || !root.isObject()) {
            throw new TokenReadException(source + " is not a JSON object of instance keys");
        }
        Map<String, InstanceSettings> valid = new TreeMap<>();
        Map<String, String> refused = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = root.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> entry = fields.next();
            List<String> problems = new ArrayList<>();
            InstanceSettings settings = settings(entry.getValue(), source, plainHttp, problems);
            try {
                new InstanceKey(entry.getKey());
            } catch (InvalidInstanceKeyException invalid) {
                problems.add(0, "its key is not a valid instance key (1 to " + InstanceKey.MAX_LENGTH
                        + " of A-Z a-z 0-9 - _ ., not starting with '.', without '..')");
            }
            if (problems.isEmpty()) {
                valid.put(entry.getKey(), settings);
            } else {
                refused.put(entry.getKey(), String.join("; ", problems));
                // Quoted and escaped as every log value is: an invalid key could hold anything.
                LOG.errorf("instances entry-refused source=%s instanceKey=%s detail=%s", LogValue.quoted(source),
                        LogValue.of(entry.getKey()), LogValue.quoted(refused.get(entry.getKey())));
            }
        }
        return new InstanceEntries(source, valid, refused);
    }

    /** The entry's settings, adding what is wrong with them to {@code problems}. */
    private static InstanceSettings settings(JsonNode entry, String source, boolean plainHttp, List<String> problems) {
        if (entry == null || !entry.isObject()) {
            problems.add("it is not a JSON object with token and/or base-url");
            return new InstanceSettings(Optional.empty(), Optional.empty(), source);
        }
        entry.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name) && !problems.contains("it has an unknown field (only token and base-url)")) {
                problems.add("it has an unknown field (only token and base-url)");
            }
        });
        Optional<String> baseUrl = text(entry, InstanceNames.BASE_URL, problems);
        Optional<BearerToken> token = text(entry, InstanceNames.TOKEN, problems).map(BearerToken::new);
        baseUrl.flatMap(url -> BaseUrls.problem(url, plainHttp)).ifPresent(why -> problems.add("its base-url " + why));
        if (token.isPresent() && !token.get().isWellFormed()) {
            problems.add("its token is not a bearer token (RFC 6750: A-Z a-z 0-9 - . _ ~ + / then optional '=')");
        }
        return new InstanceSettings(baseUrl, token, source);
    }

    private static Optional<String> text(JsonNode entry, String field, List<String> problems) {
        JsonNode value = entry.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.textValue().isBlank()) {
            problems.add("its " + field + " is not a non-empty string");
            return Optional.empty();
        }
        return Optional.of(value.textValue().strip());
    }
}
