package io.megalogout.megaapi.targets;

import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What an instance lacks when {@link Targets} has no host or no token it may use for it, and what to set: one case per
 * situation, each message naming properties, variables and secrets, never a value.
 */
enum MissingSetting {

    /** Its own host, and no token of its own. */
    TOKEN_FOR_ITS_OWN_HOST(s -> s.ownBaseUrl(), "it has a base URL of its own (%s) but no token of its own, and the"
            + " default token is never sent to an instance's own host", null, InstanceNames.TOKEN),
    /** The default host, and no token at all. */
    TOKEN(s -> s.baseUrl() && !s.ownBaseUrl(), "no token", "megaapi.token (MEGAAPI_TOKEN, or MEGAAPI_TOKEN_SECRET_ID)",
            InstanceNames.TOKEN),
    /** No host, but a default token or an entry of its own (whether or not it holds a token). */
    BASE_URL(s -> !s.baseUrl() && (s.defaultToken() || s.ownEntry()), "no base URL",
            "megaapi.base-url (MEGAAPI_BASE_URL)", InstanceNames.BASE_URL),
    /** No host, no default token, and no entry of its own. */
    BASE_URL_AND_TOKEN(s -> !s.baseUrl() && !s.defaultToken() && !s.ownEntry(), "no base URL and no token",
            "megaapi.base-url (MEGAAPI_BASE_URL)", InstanceNames.BASE_URL);

    /**
     * What there is for the instance.
     *
     * @param ownBaseUrl its entry has a base URL
     * @param baseUrl it has a base URL: its own, or the default one
     * @param ownEntry it has an entry of its own, in the configuration or in the instances secret
     * @param defaultToken there is a default token
     */
    record Situation(boolean ownBaseUrl, boolean baseUrl, boolean ownEntry, boolean defaultToken) {
    }

    private final Predicate<Situation> when;
    private final String what;
    private final String defaultSetting;
    private final String ownSetting;

    /**
     * @param what what is missing; {@code %s} stands for where the instance's entry came from
     * @param defaultSetting the default that would serve it, or null when none may
     * @param ownSetting the field of its own entry that would
     */
    MissingSetting(Predicate<Situation> when, String what, String defaultSetting, String ownSetting) {
        this.when = when;
        this.what = what;
        this.defaultSetting = defaultSetting;
        this.ownSetting = ownSetting;
    }

    /** The case that fits {@code situation}: exactly one does. */
    static MissingSetting in(Situation situation) {
        return Stream.of(values()).filter(missing -> missing.fits(situation)).findFirst().orElseThrow();
    }

    boolean fits(Situation situation) {
        return when.test(situation);
    }

    /**
     * @param origin where the instance's entry came from ({@link InstanceSettings#origin()}), if it has one
     * @param secret the instances secret, for messages, if there is one
     */
    String message(String key, String origin, Optional<String> secret) {
        String own = "megaapi.instances.\"" + key + "\"." + ownSetting
                + secret.map(name -> ", or its entry in " + name).orElse("");
        return what.formatted(origin) + ": set "
                + (defaultSetting == null ? own : defaultSetting + " for instances without their own, or " + own);
    }
}
