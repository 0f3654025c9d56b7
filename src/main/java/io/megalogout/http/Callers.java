package io.megalogout.http;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * The callers this door accepts and their API keys, checked at start-up by {@link CallersCheck}: the named callers of
 * {@code http.callers.<name>.*}, and {@code default} for {@code http.api-keys}. A presented key is hashed and compared
 * with every configured key's hash, so that neither a key's content, its length nor whose it is shows in how long the
 * answer takes.
 */
@Singleton
class Callers {

    private static final Logger LOG = Logger.getLogger(Callers.class);

    private final boolean enabled;
    private final List<byte[]> digests = new ArrayList<>();
    /** Whose each digest is, by position. */
    private final List<ConfiguredCaller> owners = new ArrayList<>();
    private final Map<String, ConfiguredCaller> byName;

    Callers(HttpConfig config) {
        this.enabled = config.auth().enabled();
        List<CallersCheck.Keyed> keyed = CallersCheck.callers(config);
        for (CallersCheck.Keyed caller : keyed) {
            for (HttpConfig.ApiKey key : caller.keys()) {
                digests.add(key.digest());
                owners.add(caller.caller());
            }
        }
        this.byName = keyed.stream().map(CallersCheck.Keyed::caller)
                .collect(Collectors.toUnmodifiableMap(ConfiguredCaller::name, Function.identity()));
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            LOG.warn("http.auth.enabled=false: POST /logout is served WITHOUT API keys; anyone who reaches this port can"
                    + " log out any instance");
        } else {
            LOG.infof("Callers: %s", byName.keySet().stream().sorted().collect(Collectors.joining(", ")));
        }
    }

    boolean enabled() {
        return enabled;
    }

    /** The caller whose key {@code presented} is, if any. */
    Optional<ConfiguredCaller> byKey(String presented) {
        byte[] digest = new HttpConfig.ApiKey(presented).digest();
        ConfiguredCaller found = null;
        for (int i = 0; i < digests.size(); i++) {
            // No early exit: every key is compared, whichever matches.
            if (MessageDigest.isEqual(digests.get(i), digest) && found == null) {
                found = owners.get(i);
            }
        }
        return Optional.ofNullable(found);
    }

    /** The caller an identity's principal names; {@code unchecked} when keys are switched off. */
    Optional<ConfiguredCaller> named(String name) {
        return !enabled && name.equals(ConfiguredCaller.UNCHECKED.name()) ? Optional.of(ConfiguredCaller.UNCHECKED)
                : Optional.ofNullable(byName.get(name));
    }

    /** The named callers (not {@code default}): those with a share of the door. */
    List<ConfiguredCaller> shared() {
        return byName.values().stream().filter(ConfiguredCaller::shared).toList();
    }
}
