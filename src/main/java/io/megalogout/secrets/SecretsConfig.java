package io.megalogout.secrets;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How secrets are read: {@code megaapi.secrets.*}, beside the secrets' ids in {@code megaapi.*}. */
@ConfigMapping(prefix = "megaapi.secrets")
public interface SecretsConfig {

    /**
     * {@code sdk} (default): the AWS SDK's Secrets Manager client with the default credentials chain, which takes the
     * container credentials Lambda gives under SnapStart. {@code extension}: the AWS Parameters and Secrets Lambda
     * Extension on localhost, which authenticates with {@code AWS_SESSION_TOKEN} and so only without SnapStart.
     * {@code MEGAAPI_SECRETS_READER}.
     */
    @WithDefault("sdk")
    Reader reader();

    /**
     * Whether start-up primes the reader when a secret is configured ({@link SecretsReader#prime()}): no request, no
     * credentials, the classes and objects of a read. {@code MEGAAPI_SECRETS_PRIME}.
     */
    @WithDefault("true")
    boolean prime();

    /** The readers, by the name {@code megaapi.secrets.reader} gives them. */
    enum Reader {
        SDK,
        EXTENSION;

        /** The value of {@code megaapi.secrets.reader}, and the reader bean's {@code @Identifier}. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
