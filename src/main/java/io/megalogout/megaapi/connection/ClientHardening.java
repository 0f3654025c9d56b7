package io.megalogout.megaapi.connection;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Stops start-up, outside dev and test, when a setting switches off what keeps the token between us and Mega-API:
 * following redirects (a redirect would carry the token to another host), trusting every certificate or not checking
 * the host name (either lets whoever sits on the way read it). They are read through the configuration, so their
 * environment variables ({@code QUARKUS_REST_CLIENT_MEGAAPI_FOLLOW_REDIRECTS}...) are checked too. And it names a
 * proxy the client goes through in an INFO line: an egress proxy is legitimate (an https request goes through it as a
 * tunnel, so TLS still ends at Mega-API), but whoever runs the service should see that there is one.
 */
@Singleton
class ClientHardening {

    private static final Logger LOG = Logger.getLogger(ClientHardening.class);
    private static final String CLIENT = "quarkus.rest-client.megaapi.";
    private static final String ALL_CLIENTS = "quarkus.rest-client.";

    void onStart(@Observes StartupEvent event) {
        Config config = ConfigProvider.getConfig();
        check(config, LaunchMode.current());
        proxy(config).ifPresent(LOG::info);
    }

    /** @throws ConfigurationException naming the property that switches hardening off, outside dev and test */
    static void check(Config config, LaunchMode mode) {
        if (mode.isDevOrTest()) {
            return;
        }
        refuseIf(config, true, "a redirect would carry the token to another host", CLIENT + "follow-redirects",
                ALL_CLIENTS + "follow-redirects");
        // Not a setting of the REST client today, but whoever sets it means to trust every certificate.
        refuseIf(config, true, "every certificate would be trusted", CLIENT + "trust-all");
        refuseIf(config, true, "every certificate would be trusted", "quarkus.tls.trust-all");
        Optional<String> tls = first(config, String.class, CLIENT + "tls-configuration-name",
                ALL_CLIENTS + "tls-configuration-name").map(Setting::value);
        if (tls.isPresent()) {
            refuseIf(config, true, "every certificate would be trusted", "quarkus.tls." + segment(tls.get()) + ".trust-all");
        }
        refuseIf(config, false, "any certificate, for any host, would be accepted", CLIENT + "verify-host",
                ALL_CLIENTS + "verify-host");
    }

    /** The INFO line naming the proxy the Mega-API client goes through, if there is one. */
    static Optional<String> proxy(Config config) {
        Optional<Setting<String>> address = first(config, String.class, CLIENT + "proxy-address",
                ALL_CLIENTS + "proxy-address");
        if (address.isPresent()) {
            return address.get().value().equals("none") ? Optional.empty()
                    : Optional.of(line(host(address.get().value()), address.get().property()));
        }
        Optional<String> name = first(config, String.class, CLIENT + "proxy-configuration-name",
                ALL_CLIENTS + "proxy-configuration-name").map(Setting::value);
        if (name.isPresent() && name.get().equals("none")) {
            return Optional.empty();
        }
        String property = name.map(n -> "quarkus.proxy." + segment(n) + ".host").orElse("quarkus.proxy.host");
        return config.getOptionalValue(property, String.class).map(host -> line(host, property));
    }

    private static String line(String host, String property) {
        return "Mega-API requests go through the proxy at " + host + " (" + property + "); TLS still ends at Mega-API,"
                + " the proxy only relays it";
    }

    /** A configuration's name as one segment of a property's name: quoted only when it has a dot. */
    private static String segment(String name) {
        return name.contains(".") ? "\"" + name + "\"" : name;
    }

    /** The host and port of {@code host:port}, without anything a mistaken address might carry before them. */
    private static String host(String address) {
        return address.substring(address.lastIndexOf('@') + 1);
    }

    /** Refuses the first of {@code properties} that is set, when it is set to {@code unsafe}. */
    private static void refuseIf(Config config, boolean unsafe, String why, String... properties) {
        first(config, Boolean.class, properties).filter(setting -> setting.value() == unsafe).ifPresent(setting -> {
            throw new ConfigurationException(setting.property() + " is " + unsafe + ": " + why + "; this is refused"
                    + " outside the dev and test profiles", Set.of(setting.property()));
        });
    }

    /** The first of {@code properties} that is set, the way the REST client reads them: its own before all clients'. */
    private static <T> Optional<Setting<T>> first(Config config, Class<T> type, String... properties) {
        for (String property : properties) {
            Optional<T> value = config.getOptionalValue(property, type);
            if (value.isPresent()) {
                return Optional.of(new Setting<>(property, value.get()));
            }
        }
        return Optional.empty();
    }

    private record Setting<T>(String property, T value) {
    }
}
