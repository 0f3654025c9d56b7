package io.megalogout.megaapi.targets;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.megalogout.secrets.SecretsReader;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Stops start-up on configuration that would send a token somewhere unsafe or malformed: the default host and token,
 * and every instance's own. Messages name the property, never its value.
 */
@Singleton
class TargetConfigCheck {

    static final String TOKEN = "megaapi.token";
    static final String SECRET_ID = "megaapi.token-secret-id";
    static final String BASE_URL = "megaapi.base-url";
    static final String INSTANCES_FILE = "megaapi.instances-file";
    /** A Secrets Manager secret's name (letters, digits and {@code /_+=.@-}) or ARN (which adds {@code :}). */
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9/_+=.@:-]{1,2048}");

    void onStart(@Observes StartupEvent event, TargetConfig config, ConfiguredInstances instances,
            SecretsReader secrets) {
        check(config, instances.all(), LaunchMode.current(), secrets);
    }

    static void check(TargetConfig config, LaunchMode mode, SecretsReader secrets) {
        check(config, Map.of(), mode, secrets);
    }

    static void check(TargetConfig config, Map<String, InstanceSettings> instances, LaunchMode mode,
            SecretsReader secrets) {
        checkToken(config, secrets);
        if (config.tokenSecretTimeoutMs() <= 0) {
            throw refused("megaapi.token-secret-timeout-ms", "must be greater than 0");
        }
        if (config.instancesFile().isPresent() && config.instancesSecretId().isPresent()) {
            throw refused(INSTANCES_FILE, "and " + InstanceNames.SECRET_ID + " are both set: one instances source, not"
                    + " two that could disagree about an instance's host and token");
        }
        if (config.instancesRecheckMs() < 0 || config.instancesMaxAgeMs() <= 0) {
            throw refused("megaapi.instances-max-age-ms", "must be greater than 0 (and megaapi.instances-recheck-ms"
                    + " not negative)");
        }
        boolean plainHttp = mode.isDevOrTest() || config.allowPlainHttp();
        config.baseUrl().ifPresent(url -> checkUrl(BASE_URL, url, plainHttp));
        instances.forEach((key, settings) -> {
            settings.baseUrl().ifPresent(url -> checkUrl(settings.origin() + "." + InstanceNames.BASE_URL, url,
                    plainHttp));
            if (settings.token().isPresent() && !settings.token().get().isWellFormed()) {
                throw notABearerToken(settings.origin() + "." + InstanceNames.TOKEN);
            }
        });
        if (config.baseUrl().isEmpty() && instances.isEmpty() && config.instancesSecretId().isEmpty()
                && config.instancesFile().isEmpty()) {
            throw refused(BASE_URL, "is required unless instances have hosts of their own: set MEGAAPI_BASE_URL, or "
                    + "megaapi.instances.\"<key>\".base-url, or MEGAAPI_INSTANCES_FILE, or MEGAAPI_INSTANCES_SECRET_ID");
        }
    }

    /** At most one source of the default token; a configured one well-formed; secrets the configured reader can read. */
    private static void checkToken(TargetConfig config, SecretsReader secrets) {
        if (config.token().isPresent() && config.tokenSecretId().isPresent()) {
            throw new ConfigurationException(TOKEN + " and " + SECRET_ID + " are both set: set one of them",
                    Set.of(TOKEN, SECRET_ID));
        }
        if (config.token().isPresent() && !config.token().get().isWellFormed()) {
            throw notABearerToken(TOKEN);
        }
        checkSecret(SECRET_ID, config.tokenSecretId(), secrets);
        checkSecret(InstanceNames.SECRET_ID, config.instancesSecretId(), secrets);
    }

    private static void checkSecret(String property, Optional<String> secretId, SecretsReader secrets) {
        if (secretId.isEmpty()) {
            return;
        }
        if (!SECRET.matcher(secretId.get()).matches()) {
            throw refused(property, "is not a secret's ARN or name (A-Z a-z 0-9 / _ + = . @ - :)");
        }
        secrets.unusable().ifPresent(why -> {
            throw refused(property, "is set, but " + why);
        });
    }

    private static void checkUrl(String property, String url, boolean plainHttp) {
        BaseUrls.problem(url, plainHttp).ifPresent(why -> {
            throw refused(property, why);
        });
    }

    private static ConfigurationException notABearerToken(String property) {
        return refused(property, "is not a bearer token (RFC 6750: A-Z a-z 0-9 - . _ ~ + / then optional '='; "
                + "no spaces or line breaks)");
    }

    private static ConfigurationException refused(String property, String why) {
        return new ConfigurationException(property + " " + why, Set.of(property));
    }
}
