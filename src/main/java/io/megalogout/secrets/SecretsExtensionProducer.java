package io.megalogout.secrets;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;

/**
 * The extension as the function's environment describes it: its port, the session token. Read through the application's
 * configuration, whose sources include the environment variables, so that a test can set them.
 */
@Singleton
class SecretsExtensionProducer {

    @Produces
    @Singleton
    SecretsExtension extension(Config config) {
        return new SecretsExtension(name -> config.getOptionalValue(name, String.class).filter(value -> !value.isBlank()));
    }
}
