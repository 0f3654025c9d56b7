package io.megalogout.megaapi.targets;

import java.net.URI;
import java.util.Optional;

import jakarta.inject.Singleton;

import io.megalogout.error.InstanceNotConfiguredException;
import io.megalogout.error.MegaApiTokenUnavailableException;
import io.megalogout.logout.Deadline;
import io.megalogout.logout.InstanceKey;

/**
 * Where one instance's requests go, and with which token. An instance configured in the configuration
 * ({@link ConfiguredInstances}) uses that entry; otherwise, when there is an instances source (a file or a secret), its
 * entry there ({@link InstancesSource}), which must be read first (an entry there that breaks the rules is an
 * {@link InstanceNotConfiguredException} saying what is wrong with it). A key with no entry at all is refused when
 * {@code megaapi.unlisted-instances=refuse}. Then:
 * <ul>
 * <li>the host is the instance's own base URL, or else {@code megaapi.base-url};</li>
 * <li>the token is the instance's own, or else the default token, but only for an instance without a host of its own:
 * a customer's host never receives the default token.</li>
 * </ul>
 * Whatever is missing is an {@link InstanceNotConfiguredException}, before anything is sent.
 */
@Singleton
public class Targets {

    private final ConfiguredInstances configured;
    private final InstancesSource secret;
    private final MegaApiToken defaultToken;
    private final Optional<String> defaultBaseUrl;
    private final boolean refuseUnlisted;

    Targets(ConfiguredInstances configured, InstancesSource secret, MegaApiToken defaultToken, TargetConfig config) {
        this.configured = configured;
        this.secret = secret;
        this.defaultToken = defaultToken;
        this.defaultBaseUrl = config.baseUrl();
        this.refuseUnlisted = config.unlistedInstances() == TargetConfig.Unlisted.REFUSE;
    }

    /**
     * @throws InstanceNotConfiguredException when no host or no token may be used for {@code key}
     * @throws MegaApiTokenUnavailableException when a secret that may hold them cannot be read
     */
    public Target of(InstanceKey key, Deadline deadline) {
        Optional<InstanceSettings> own = configured.of(key.value());
        if (own.isEmpty() && secret.isConfigured()) {
            own = sourceEntry(key, deadline);
        }
        if (own.isEmpty() && refuseUnlisted) {
            throw new InstanceNotConfiguredException(key.value(), "it has no entry of its own (megaapi.instances.\""
                    + key.value() + "\"" + (secret.isConfigured() ? " or in " + secret.name() : "")
                    + ") and megaapi.unlisted-instances is refuse");
        }
        return target(key, own, deadline);
    }

    /** {@code megaapi.base-url}'s host ({@link Target#host()}), if there is a default host. */
    public Optional<String> defaultHost() {
        return defaultBaseUrl.map(url -> BaseUrls.host(URI.create(url)));
    }

    /**
     * The instance's entry as the instances source holds it now, read again (after a 401).
     *
     * @throws InstanceNotConfiguredException when its entry there now breaks the rules
     */
    Optional<InstanceSettings> reread(InstanceKey key, Deadline deadline) {
        return secret.reread(deadline).of(key.value());
    }

    Target target(InstanceKey key, Optional<InstanceSettings> own, Deadline deadline) {
        Optional<String> ownUrl = own.flatMap(InstanceSettings::baseUrl);
        Optional<String> baseUrl = ownUrl.or(() -> defaultBaseUrl);
        boolean defaultTokenAllowed = ownUrl.isEmpty() && defaultToken.isConfigured();
        if (baseUrl.isEmpty() || own.flatMap(InstanceSettings::token).isEmpty() && !defaultTokenAllowed) {
            throw new InstanceNotConfiguredException(key.value(), missing(key, own, baseUrl.isPresent()));
        }
        if (own.flatMap(InstanceSettings::token).isPresent()) {
            return new Target(baseUrl.get(), own.get().token().get(),
                    own.get().origin().equals(secret.name()) ? Target.Origin.SECRET : Target.Origin.CONFIGURED);
        }
        try {
            return new Target(baseUrl.get(), defaultToken.current(deadline), Target.Origin.DEFAULT);
        } catch (TokenReadException unreadable) {
            throw new MegaApiTokenUnavailableException(key.value(), unreadable.getMessage());
        }
    }

    private Optional<InstanceSettings> sourceEntry(InstanceKey key, Deadline deadline) {
        try {
            return secret.entry(key.value(), deadline);
        } catch (TokenReadException unreadable) {
            throw new MegaApiTokenUnavailableException(key.value(), unreadable.getMessage());
        }
    }

    /** What to set, naming properties, variables and secrets, never a value. */
    private String missing(InstanceKey key, Optional<InstanceSettings> own, boolean baseUrl) {
        MissingSetting missing = MissingSetting.in(new MissingSetting.Situation(
                own.flatMap(InstanceSettings::baseUrl).isPresent(), baseUrl, own.isPresent(), defaultToken.isConfigured()));
        return missing.message(key.value(), own.map(InstanceSettings::origin).orElse(null),
                secret.isConfigured() ? Optional.of(secret.name()) : Optional.empty());
    }
}
