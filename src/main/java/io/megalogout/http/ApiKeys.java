package io.megalogout.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * The API keys this door accepts, compared in constant time: each presented key is hashed and compared with every
 * configured key's hash, so that neither a key's content nor its length shows in how long the answer takes. Checked at
 * start-up; messages name the property, never a value.
 */
@Singleton
class ApiKeys {

    private static final Logger LOG = Logger.getLogger(ApiKeys.class);
    static final String PROPERTY = "http.api-keys";
    /** Short keys can be guessed; the form keeps a key intact in an Authorization header (RFC 6750 b64token). */
    static final int MIN_LENGTH = 16;
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    private final boolean enabled;
    private final List<byte[]> digests;

    ApiKeys(HttpConfig config) {
        this.enabled = config.auth().enabled();
        List<HttpConfig.ApiKey> keys = config.apiKeys().orElse(List.of());
        for (HttpConfig.ApiKey key : keys) {
            if (key.value().length() < MIN_LENGTH || !B64TOKEN.matcher(key.value()).matches()) {
                throw refused("holds a key that is shorter than " + MIN_LENGTH + " characters or has characters outside"
                        + " A-Z a-z 0-9 - . _ ~ + / (then optional '=')");
            }
        }
        if (enabled && keys.isEmpty()) {
            throw refused("is required: set HTTP_API_KEYS (comma-separated) or mount a file named http.api-keys in the"
                    + " secrets directory; or set http.auth.enabled=false to serve without keys");
        }
        this.digests = keys.stream().map(key -> sha256(key.value())).toList();
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            LOG.warn("http.auth.enabled=false: POST /logout is served WITHOUT API keys; anyone who reaches this port can"
                    + " log out any instance");
        }
    }

    boolean enabled() {
        return enabled;
    }

    /** The position (from 0) of the configured key equal to {@code presented}, if any: a name for the caller. */
    OptionalInt indexOf(String presented) {
        byte[] digest = sha256(presented);
        int found = -1;
        for (int i = 0; i < digests.size(); i++) {
            // No early exit: every key is compared, whichever matches.
            if (MessageDigest.isEqual(digests.get(i), digest) && found < 0) {
                found = i;
            }
        }
        return found < 0 ? OptionalInt.empty() : OptionalInt.of(found);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static ConfigurationException refused(String why) {
        return new ConfigurationException(PROPERTY + " " + why, Set.of(PROPERTY));
    }
}
