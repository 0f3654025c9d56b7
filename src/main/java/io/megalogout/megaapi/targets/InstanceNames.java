package io.megalogout.megaapi.targets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.megalogout.error.InvalidInstanceKeyException;
import io.megalogout.logout.InstanceKey;

import io.quarkus.runtime.configuration.ConfigurationException;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;

/**
 * Which instance keys the configuration names, recovered exactly, or start-up stops.
 * <p>
 * Why this is not a {@code @ConfigMapping Map}: environment variable names fold case and punctuation, and SmallRye
 * Config 3.16 makes up a key for them. {@code MEGAAPI_INSTANCES__CUST_1_MAIN__TOKEN} alone becomes the key
 * {@code cust.1.main}; beside a configured {@code "cust-1.main"} it sets that key's token <em>and</em> still adds
 * {@code cust.1.main}; beside {@code "cust-1.main"} and {@code "cust_1.main"} it becomes the token of both. A logout
 * sent with another instance's token or to its host cannot be undone, so here a key exists only where some source
 * other than the environment writes its name exactly ({@code megaapi.instances."<key>".token|base-url}: a secret file,
 * a config file, a system property). An environment variable may then set or override that key's values, when it
 * matches exactly one such key even with case and punctuation ignored, and is spelt as SmallRye looks it up.
 * Anything else under the prefix stops start-up, naming the variable or property, never its value.
 */
final class InstanceNames {

    static final String TOKEN = "token";
    static final String BASE_URL = "base-url";
    static final String SECRET_ID = "megaapi.instances-secret-id";
    private static final String PREFIX = "megaapi.instances.";
    /** The settings of the instances source itself, whose names start like the instances' own. */
    private static final Set<String> SOURCE_SETTINGS = Set.of(SECRET_ID, "megaapi.instances-file",
            "megaapi.instances-recheck-ms", "megaapi.instances-max-age-ms");
    private static final Pattern EXACT = Pattern
            .compile("megaapi\\.instances\\.(?:\"([^\"]*)\"|([^.\"]*))\\.(" + TOKEN + "|" + BASE_URL + ")");

    private InstanceNames() {
    }

    /** The keys that some non-environment source names exactly, checked against every per-instance name. */
    static Set<String> keys(SmallRyeConfig config) {
        Set<String> keys = new TreeSet<>();
        List<String> folded = new ArrayList<>();
        for (ConfigSource source : config.getConfigSources()) {
            boolean environment = source instanceof EnvConfigSource;
            // The environment's own names: its property names also hold the dotted names SmallRye guessed for them.
            for (String written : environment ? source.getProperties().keySet() : source.getPropertyNames()) {
                String name = activeName(written, config.getProfiles());
                if (name == null || !loose(name).startsWith(loose(PREFIX))
                        || SOURCE_SETTINGS.stream().anyMatch(setting -> loose(name).equals(loose(setting)))) {
                    continue;
                }
                if (environment) {
                    folded.add(name);
                } else {
                    keys.add(exactKey(name));
                }
            }
        }
        for (String variable : folded) {
            checkVariable(variable, keys);
        }
        return keys;
    }

    /** The names a key's field can be written under: quoted, and plain when the key holds no dot. */
    static List<String> exactNames(String key, String field) {
        String quoted = PREFIX + "\"" + key + "\"." + field;
        return key.contains(".") ? List.of(quoted) : List.of(quoted, PREFIX + key + "." + field);
    }

    private static String exactKey(String name) {
        Matcher exact = EXACT.matcher(name);
        if (!exact.matches()) {
            throw refused(name, "is not megaapi.instances.\"<key>\".token or megaapi.instances.\"<key>\".base-url "
                    + "(quote a key that holds dots; a file or property must be named so exactly, not like an "
                    + "environment variable)");
        }
        String key = exact.group(1) != null ? exact.group(1) : exact.group(2);
        try {
            return new InstanceKey(key).value();
        } catch (InvalidInstanceKeyException invalid) {
            throw refused(name, "does not name a valid instance key: " + invalid.getMessage());
        }
    }

    /** An environment variable: it must fall on exactly one exactly named key, and be spelt as SmallRye finds it. */
    private static void checkVariable(String variable, Set<String> keys) {
        List<String> matches = new ArrayList<>();
        List<String> spellings = new ArrayList<>();
        for (String key : keys) {
            for (String field : List.of(TOKEN, BASE_URL)) {
                for (String name : exactNames(key, field)) {
                    if (loose(name).equals(loose(variable))) {
                        if (!matches.contains(key)) {
                            matches.add(key);
                        }
                        spellings.add(name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT));
                    }
                }
            }
        }
        if (matches.isEmpty()) {
            throw refused(variable, "sets an instance's setting, but its key cannot be recovered exactly from an "
                    + "environment variable's name (names fold case and punctuation): name the key exactly in a file "
                    + "or property megaapi.instances.\"<key>\".token or .base-url (a secret file, a config file, the "
                    + "AWS secret named by megaapi.instances-secret-id)");
        }
        if (matches.size() > 1) {
            throw refused(variable, "could be the setting of " + matches.size() + " configured instances ("
                    + String.join(", ", matches) + "), whose names differ only in case or punctuation: set each in "
                    + "a file or property named exactly instead");
        }
        if (!spellings.contains(variable.toUpperCase(Locale.ROOT))) {
            throw refused(variable, "is not spelt as the configuration looks it up for instance '" + matches.get(0)
                    + "': use " + String.join(" or ", spellings));
        }
    }

    /** The name without a profile prefix, if that profile is active; null for another profile's name. */
    private static String activeName(String name, List<String> profiles) {
        if (!name.startsWith("%")) {
            return name;
        }
        int dot = name.indexOf('.');
        if (dot < 0) {
            return null;
        }
        for (String profile : name.substring(1, dot).split(",")) {
            if (profiles.contains(profile.strip())) {
                return name.substring(dot + 1);
            }
        }
        return null;
    }

    /** Upper case without anything but letters and digits: two names equal so might be one variable's. */
    private static String loose(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
    }

    private static ConfigurationException refused(String name, String why) {
        return new ConfigurationException(name + " " + why, Set.of(name));
    }
}
