package io.megalogout.megaapi.targets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
 * matches exactly one such key even with case and punctuation ignored, and is spelt as SmallRye looks it up. The same
 * holds for a variable of an active profile, {@code _PROD_MEGAAPI_INSTANCES__CUST_1_MAIN__TOKEN}: SmallRye reads it as
 * {@code %prod.megaapi.instances.*}, above the secret files, and folds its name the same way.
 * Anything else under the prefix stops start-up, naming the variable or property, never its value.
 */
final class InstanceNames {

    static final String TOKEN = "token";
    static final String BASE_URL = "base-url";
    static final String SECRET_ID = "megaapi.instances-secret-id";
    /** The settings whose names start like a per-instance name's, and are not one. */
    private static final List<String> SETTINGS = List.of(SECRET_ID, "megaapi.instances-file",
            "megaapi.instances-recheck-ms", "megaapi.instances-max-age-ms");
    private static final String PREFIX = "megaapi.instances.";
    private static final Pattern EXACT = Pattern
            .compile("megaapi\\.instances\\.(?:\"([^\"]*)\"|([^.\"]*))\\.(" + TOKEN + "|" + BASE_URL + ")");

    private InstanceNames() {
    }

    /** The keys that some non-environment source names exactly, checked against every per-instance name. */
    static Set<String> keys(SmallRyeConfig config) {
        Set<String> keys = new TreeSet<>();
        List<Variable> variables = new ArrayList<>();
        for (ConfigSource source : config.getConfigSources()) {
            boolean environment = source instanceof EnvConfigSource;
            // The environment's own names: its property names also hold the dotted names SmallRye guessed for them.
            for (String written : environment ? source.getProperties().keySet() : source.getPropertyNames()) {
                for (Variable active : activeNames(written, environment, config.getProfiles())) {
                    if (!isPerInstance(active.name())) {
                        continue;
                    }
                    if (environment) {
                        variables.add(active);
                    } else {
                        keys.add(exactKey(active.name()));
                    }
                }
            }
        }
        for (Variable variable : variables) {
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

    /** Whether the name, without its profile, is an instance's setting; case and punctuation ignored. */
    private static boolean isPerInstance(String name) {
        return loose(name).startsWith(loose(PREFIX))
                && SETTINGS.stream().noneMatch(setting -> loose(name).equals(loose(setting)));
    }

    /** An environment variable: it must fall on exactly one exactly named key, and be spelt as SmallRye finds it. */
    private static void checkVariable(Variable variable, Set<String> keys) {
        List<String> matches = new ArrayList<>();
        List<String> spellings = new ArrayList<>();
        for (String key : keys) {
            for (String field : List.of(TOKEN, BASE_URL)) {
                for (String name : exactNames(key, field)) {
                    if (loose(name).equals(loose(variable.name()))) {
                        if (!matches.contains(key)) {
                            matches.add(key);
                        }
                        spellings.add(variable.profile() + name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT));
                    }
                }
            }
        }
        if (matches.isEmpty()) {
            throw refused(variable.written(), "sets an instance's setting, but its key cannot be recovered exactly from an "
                    + "environment variable's name (names fold case and punctuation): name the key exactly in a file "
                    + "or property megaapi.instances.\"<key>\".token or .base-url (a secret file, a config file, the "
                    + "AWS secret named by megaapi.instances-secret-id)");
        }
        if (matches.size() > 1) {
            throw refused(variable.written(), "could be the setting of " + matches.size() + " configured instances ("
                    + String.join(", ", matches) + "), whose names differ only in case or punctuation: set each in "
                    + "a file or property named exactly instead");
        }
        if (!spellings.contains(variable.written().toUpperCase(Locale.ROOT))) {
            throw refused(variable.written(), "is not spelt as the configuration looks it up for instance '" + matches.get(0)
                    + "': use " + String.join(" or ", spellings));
        }
    }

    /**
     * A name as written, and without the prefix of the active profile it is written for; {@code profile} is how that
     * prefix is spelt in an environment variable, {@code _PROD_}, or empty.
     */
    private record Variable(String written, String profile, String name) {
    }

    /**
     * The name without a profile prefix, for each active profile it is written for: none for another profile's name.
     * A variable's profile is {@code _<PROFILE>_}, its punctuation folded to {@code _}, in any case, as SmallRye matches
     * it; a profile's name can hold {@code _}, so a variable may be read for more than one.
     */
    private static List<Variable> activeNames(String written, boolean environment, List<String> profiles) {
        List<Variable> names = new ArrayList<>();
        if (!written.startsWith("%") && !(environment && written.startsWith("_"))) {
            names.add(new Variable(written, "", written));
        }
        int dot = written.indexOf('.');
        for (String profile : profiles) {
            String variable = "_" + profile.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT) + "_";
            if (environment && written.regionMatches(true, 0, variable, 0, variable.length())) {
                names.add(new Variable(written, variable, written.substring(variable.length())));
            }
            if (written.startsWith("%") && dot > 0 && Stream.of(written.substring(1, dot).split(","))
                    .anyMatch(each -> each.strip().equals(profile))) {
                names.add(new Variable(written, variable, written.substring(dot + 1)));
            }
        }
        return names;
    }

    /** Upper case without anything but letters and digits: two names equal so might be one variable's. */
    private static String loose(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
    }

    private static ConfigurationException refused(String name, String why) {
        return new ConfigurationException(name + " " + why, Set.of(name));
    }
}
