package io.megalogout.secrets;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;

import io.smallrye.common.annotation.Identifier;

/**
 * The one {@link SecretsReader} the application injects: the reader bean whose {@code @Identifier} is
 * {@code megaapi.secrets.reader}'s value, chosen by that setting alone. The extension's reader is built here; the
 * SDK's is the Lambda build's own ({@code io.megalogout.lambda.secrets}), so that the HTTP door's build carries no AWS
 * SDK: there, a configured secret is refused at start-up with the reason {@link Absent} gives.
 */
@Singleton
class SecretsReaders {

    @Produces
    @Singleton
    SecretsReader reader(SecretsConfig config, @Any Instance<SecretsReader> readers) {
        Instance<SecretsReader> chosen = readers.select(Identifier.Literal.of(config.reader().id()));
        return chosen.isResolvable() ? chosen.get() : new Absent(config.reader());
    }

    /** Its settings from the application's configuration, whose sources include the environment, so tests can set them. */
    @Produces
    @Singleton
    @Identifier("extension")
    SecretsExtension extension(Config config) {
        return new SecretsExtension(name -> config.getOptionalValue(name, String.class).filter(value -> !value.isBlank()));
    }

    /** A reader this build does not have. */
    record Absent(SecretsConfig.Reader reader) implements SecretsReader {

        @Override
        public Optional<String> unusable() {
            return Optional.of("megaapi.secrets.reader is '" + reader.id() + "', a reader this build does not have (the"
                    + " AWS SDK's is in the Lambda build only: ./mvnw package)");
        }

        @Override
        public String secretString(String secretId, Duration budget) {
            throw new SecretReadException(secretId, unusable().orElseThrow());
        }
    }
}
