package io.megalogout.http;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Reads the callers' settings and refuses, at start-up, any that would leave a caller with more than it was given or
 * make a key ambiguous: a malformed name, a caller without keys or without {@code instances}, a malformed key or
 * pattern, a key given twice. Messages name the property, never a value.
 */
final class CallersCheck {

    static final String API_KEYS = "http.api-keys";
    /** Short keys can be guessed; the form keeps a key intact in an Authorization header (RFC 6750 b64token). */
    static final int MIN_KEY_LENGTH = 16;
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
    /** A Kubernetes Secret key's and an environment variable's worth of name: {@code http.callers.acme-eu.api-keys}. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    /** A caller and its keys, from {@code property}. */
    record Keyed(ConfiguredCaller caller, String property, List<HttpConfig.ApiKey> keys) {
    }

    private CallersCheck() {
    }

    /** Every caller with its keys, {@code default} first when {@code http.api-keys} is set. */
    static List<Keyed> callers(HttpConfig config) {
        return callers(config, System.getenv().keySet());
    }

    /** @param variables the environment's variable names, whose {@code HTTP_CALLERS_*} must each have been read */
    static List<Keyed> callers(HttpConfig config, Set<String> variables) {
        List<Keyed> callers = new ArrayList<>();
        config.apiKeys().filter(keys -> !keys.isEmpty())
                .ifPresent(keys -> callers.add(new Keyed(ConfiguredCaller.DEFAULT, API_KEYS, checked(API_KEYS, keys))));
        // Sorted, so that the same settings give the same messages.
        for (Map.Entry<String, HttpConfig.CallerSettings> named : new TreeMap<>(config.callers()).entrySet()) {
            callers.add(named(named.getKey(), named.getValue()));
        }
        boolean enabled = config.auth().enabled();
        if (enabled && callers.isEmpty()) {
            throw refused(API_KEYS, "is required: set HTTP_API_KEYS (comma-separated) or mount a file named"
                    + " http.api-keys in the secrets directory, or name callers (http.callers.<name>.api-keys and"
                    + " .instances); or set http.auth.enabled=false to serve without keys");
        }
        if (!enabled && !config.callers().isEmpty()) {
            throw refused("http.auth.enabled", "is false while http.callers are set: their scopes would not hold;"
                    + " remove one or the other");
        }
        refuseSharedKeys(callers);
        refuseUnreadVariables(variables, config.callers().keySet());
        return List.copyOf(callers);
    }

    /**
     * An environment variable cannot say '-' or '.', so SmallRye Config cannot tell which caller
     * {@code HTTP_CALLERS_ACME_EU_API_KEYS} is for, and skips it without a word: that caller would silently not exist.
     * Refused instead, as is any other {@code HTTP_CALLERS_*} variable that names no caller that was read.
     */
    private static void refuseUnreadVariables(Set<String> variables, Set<String> names) {
        Pattern setting = Pattern.compile("HTTP_CALLERS_(.+)_(API_KEYS|INSTANCES|LOGOUTS_PER_MINUTE|MAX_CONCURRENT)");
        for (String variable : new TreeSet<>(variables)) {
            if (!variable.startsWith("HTTP_CALLERS_")) {
                continue;
            }
            Matcher matcher = setting.matcher(variable);
            if (!matcher.matches() || !names.contains(matcher.group(1).toLowerCase(Locale.ROOT))) {
                throw refused(variable, "is not read: it is not HTTP_CALLERS_<NAME>_API_KEYS, _INSTANCES,"
                        + " _LOGOUTS_PER_MINUTE or _MAX_CONCURRENT for a caller name of a-z 0-9 (an environment variable"
                        + " cannot say '-': give such a caller in a secret file or properties)");
            }
        }
    }

    private static Keyed named(String name, HttpConfig.CallerSettings settings) {
        String prefix = "http.callers." + name + ".";
        if (!NAME.matcher(name).matches() || name.equals(ConfiguredCaller.DEFAULT.name())
                || name.equals(ConfiguredCaller.UNCHECKED.name())) {
            throw refused(prefix + "api-keys", "names a caller '" + name + "' that is not 1-32 characters of a-z 0-9 -"
                    + " starting with a letter (or is 'default' or 'unchecked', which are taken); an environment"
                    + " variable cannot say '-' or '.': give such a caller in a secret file or properties");
        }
        List<HttpConfig.ApiKey> keys = settings.apiKeys().filter(given -> !given.isEmpty())
                .orElseThrow(() -> refused(prefix + "api-keys", "is required: one key, or two during a rotation"));
        List<String> patterns = settings.instances().orElseThrow(() -> refused(prefix + "instances",
                "is required: the instances the caller may act on (an instance key, a prefix ending in '*', or '*'"
                        + " for all), comma-separated"));
        InstancePatterns instances;
        try {
            instances = InstancePatterns.parse(patterns);
        } catch (IllegalArgumentException e) {
            throw refused(prefix + "instances", e.getMessage());
        }
        OptionalInt perMinute = atLeastOne(prefix + "logouts-per-minute", settings.logoutsPerMinute());
        OptionalInt concurrent = atLeastOne(prefix + "max-concurrent", settings.maxConcurrent());
        return new Keyed(new ConfiguredCaller(name, instances, perMinute, concurrent, true), prefix + "api-keys",
                checked(prefix + "api-keys", keys));
    }

    private static List<HttpConfig.ApiKey> checked(String property, List<HttpConfig.ApiKey> keys) {
        for (HttpConfig.ApiKey key : keys) {
            if (key.value().length() < MIN_KEY_LENGTH || !B64TOKEN.matcher(key.value()).matches()) {
                throw refused(property, "holds a key that is shorter than " + MIN_KEY_LENGTH + " characters or has"
                        + " characters outside A-Z a-z 0-9 - . _ ~ + / (then optional '=')");
            }
        }
        return List.copyOf(keys);
    }

    private static OptionalInt atLeastOne(String property, OptionalInt value) {
        if (value.isPresent() && value.getAsInt() < 1) {
            throw refused(property, "must be at least 1");
        }
        return value;
    }

    /** A key is one caller's: given to two, it would name whichever came first. */
    private static void refuseSharedKeys(List<Keyed> callers) {
        Map<ByteBuffer, String> owners = new HashMap<>();
        for (Keyed caller : callers) {
            String property = caller.property();
            for (HttpConfig.ApiKey key : caller.keys()) {
                String earlier = owners.putIfAbsent(ByteBuffer.wrap(key.digest()), property);
                if (earlier != null) {
                    throw refused(property, earlier.equals(property) ? "holds the same key twice"
                            : "holds a key that " + earlier + " holds too: a key names one caller");
                }
            }
        }
    }

    private static ConfigurationException refused(String property, String why) {
        return new ConfigurationException(property + " " + why, Set.of(property));
    }
}
