package io.megalogout.megaapi.targets;

import jakarta.inject.Singleton;

/**
 * Every token this process holds, the default one and each instance's own, replaced by {@code ***} in text that came
 * from outside (an upstream message, an exception's), before it is quoted anywhere.
 */
@Singleton
public class Redaction {

    private final MegaApiToken defaultToken;
    private final ConfiguredInstances configured;
    private final InstancesSource secret;

    Redaction(MegaApiToken defaultToken, ConfiguredInstances configured, InstancesSource secret) {
        this.defaultToken = defaultToken;
        this.configured = configured;
        this.secret = secret;
    }

    public String redact(String text) {
        String redacted = secret.redact(defaultToken.redact(text));
        for (InstanceSettings settings : configured.all().values()) {
            if (settings.token().isPresent()) {
                redacted = redacted.replace(settings.token().get().value(), "***");
            }
        }
        return redacted;
    }
}
