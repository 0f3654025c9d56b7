package io.megalogout.http;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Callers' settings as SmallRye Config would hand them over, for the tests of what the door makes of them. */
final class CallerConfigs {

    private CallerConfigs() {
    }

    record Settings(Optional<List<HttpConfig.ApiKey>> apiKeys, Optional<List<String>> instances,
            OptionalInt logoutsPerMinute, OptionalInt maxConcurrent) implements HttpConfig.CallerSettings {
    }

    static HttpConfig.CallerSettings caller(String patterns, String... keys) {
        return settings(Optional.of(Arrays.asList(patterns.split(",", -1))), keys);
    }

    static HttpConfig.CallerSettings settings(Optional<List<String>> patterns, String... keys) {
        return new Settings(keys.length == 0 ? Optional.empty() : Optional.of(keys(keys)), patterns, OptionalInt.empty(),
                OptionalInt.empty());
    }

    static List<HttpConfig.ApiKey> keys(String... keys) {
        return Arrays.stream(keys).map(HttpConfig.ApiKey::new).toList();
    }

    static HttpConfig config(boolean enabled, String... keys) {
        return config(enabled, Map.of(), keys);
    }

    static HttpConfig config(boolean enabled, Map<String, HttpConfig.CallerSettings> callers, String... keys) {
        return new HttpConfig() {

            @Override
            public Optional<List<ApiKey>> apiKeys() {
                return keys.length == 0 ? Optional.empty()
                        : Optional.of(Arrays.stream(keys).map(ApiKey::new).toList());
            }

            @Override
            public Map<String, CallerSettings> callers() {
                return new LinkedHashMap<>(callers);
            }

            @Override
            public Auth auth() {
                return () -> enabled;
            }
        };
    }
}
