package io.megalogout.megaapi.targets;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;

import io.smallrye.config.ConfigValue;
import io.smallrye.config.SmallRyeConfig;

/**
 * Each instance's own settings from the configuration, {@code megaapi.instances."<key>".token} and
 * {@code megaapi.instances."<key>".base-url}, read once at start-up. Which keys exist is decided by {@link InstanceNames}
 * from the names exactly as written (never from an environment variable's folded name); each value is then the one of
 * highest priority, an environment variable included.
 */
@Singleton
class ConfiguredInstances {

    private final Map<String, InstanceSettings> instances;

    @Inject
    ConfiguredInstances(Config config) {
        this(read(config.unwrap(SmallRyeConfig.class)));
    }

    ConfiguredInstances(Map<String, InstanceSettings> instances) {
        this.instances = Map.copyOf(instances);
    }

    /**
     * @throws io.quarkus.runtime.configuration.ConfigurationException on a name that is not a valid instance's setting,
     *         or an environment variable whose key cannot be recovered exactly (see {@link InstanceNames})
     */
    static Map<String, InstanceSettings> read(SmallRyeConfig config) {
        Map<String, InstanceSettings> read = new TreeMap<>();
        for (String key : InstanceNames.keys(config)) {
            InstanceSettings settings = new InstanceSettings(value(config, key, InstanceNames.BASE_URL),
                    value(config, key, InstanceNames.TOKEN).map(BearerToken::new),
                    "megaapi.instances.\"" + key + "\"");
            if (!settings.isEmpty()) {
                read.put(key, settings);
            }
        }
        return read;
    }

    Optional<InstanceSettings> of(String key) {
        return Optional.ofNullable(instances.get(key));
    }

    Map<String, InstanceSettings> all() {
        return instances;
    }

    /**
     * The value of {@code field} for {@code key}: of its quoted name or, for a key without dots, of its plain name too,
     * whichever source ranks higher (an environment variable over a file, as for every other property).
     */
    private static Optional<String> value(SmallRyeConfig config, String key, String field) {
        ConfigValue chosen = null;
        for (String name : InstanceNames.exactNames(key, field)) {
            ConfigValue value = config.getConfigValue(name);
            if (value.getValue() != null && !value.getValue().isBlank()
                    && (chosen == null || value.getSourceOrdinal() > chosen.getSourceOrdinal())) {
                chosen = value;
            }
        }
        return chosen == null ? Optional.empty() : Optional.of(chosen.getValue().strip());
    }
}
