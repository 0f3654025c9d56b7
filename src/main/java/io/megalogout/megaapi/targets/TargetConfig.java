package io.megalogout.megaapi.targets;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Which host and which token, by default: each instance may have a host and token of its own
 * ({@link ConfiguredInstances}, {@link InstancesSecret}). The rest of {@code megaapi.*} (timeouts, limits, connections)
 * belongs to the call and is mapped beside it; {@link TargetConfigCheck} refuses unsafe values here at start-up.
 */
@ConfigMapping(prefix = "megaapi")
public interface TargetConfig {

    /**
     * The default Mega-API host, e.g. {@code https://apinocode01.megaapi.com.br}, for instances without a host of their
     * own. No default: it is per customer, and without it only instances configured with their own host are served.
     */
    Optional<String> baseUrl();

    /**
     * The default token, secret, when it is given directly ({@code MEGAAPI_TOKEN} or a file in the secrets directory),
     * for instances without a token or a host of their own. No default: {@link TargetConfigCheck} stops start-up if
     * both this and {@link #tokenSecretId()} are set; with neither, such instances are refused and nothing is sent.
     */
    Optional<BearerToken> token();

    /**
     * The ARN or name of the AWS Secrets Manager secret that holds the token, read through the AWS Parameters and Secrets
     * Lambda Extension ({@link SecretToken}).
     */
    Optional<String> tokenSecretId();

    /**
     * Declared only so that SmallRye Config accepts {@code megaapi.instances."<key>".token|base-url} under this prefix
     * (it refuses names it cannot map); never read. Its keys are not to be trusted: SmallRye makes keys up from
     * environment variables' folded names ({@code MEGAAPI_INSTANCES__CUST_1_MAIN__TOKEN} becomes {@code cust.1.main}).
     * {@link ConfiguredInstances} reads the settings instead, with keys recovered exactly ({@link InstanceNames}).
     */
    Map<String, Declared> instances();

    /** The per-instance names SmallRye Config is to accept; values as text, so that no conversion can print one. */
    interface Declared {

        Optional<String> token();

        Optional<String> baseUrl();
    }

    /**
     * The ARN or name of the AWS Secrets Manager secret that holds each instance's own settings as JSON,
     * {@code {"<key>": {"token": "...", "base-url": "https://..."}}}, read like the token's secret ({@link InstancesSecret}).
     */
    Optional<String> instancesSecretId();

    /**
     * A file that holds each instance's own settings in the instances secret's JSON (on Kubernetes, the Secret key
     * {@code instances.json}, mounted by the base manifests). No file at that path: no instances listed. Not together
     * with {@link #instancesSecretId()}.
     */
    Optional<String> instancesFile();

    /**
     * The least time, in milliseconds, between two reads of the instances source that a key it does not list (or a
     * copy past its age) asks for: an added instance is served within this, and unknown keys cannot flood the source.
     */
    @WithDefault("5000")
    long instancesRecheckMs();

    /** Milliseconds after which the held copy of the instances source is read again: moved and removed entries. */
    @WithDefault("300000")
    long instancesMaxAgeMs();

    /**
     * What a key with no entry of its own (neither {@code megaapi.instances."<key>"} nor in the instances source) gets:
     * {@code default}, the default host and token; or {@code refuse}, {@code InstanceNotConfiguredException}, nothing
     * sent. A deployment that lists its customers' instances should refuse the others.
     */
    @WithDefault("default")
    Unlisted unlistedInstances();

    /** See {@link #unlistedInstances()}. */
    enum Unlisted {
        DEFAULT,
        REFUSE
    }

    /**
     * Milliseconds one read of the secret may take, waiting for the extension to start listening included. A read
     * during a logout also ends at the logout's deadline.
     */
    @WithDefault("3000")
    long tokenSecretTimeoutMs();

    /** Allow a plain {@code http://} base URL outside dev and test (the token would travel unencrypted). */
    @WithDefault("false")
    boolean allowPlainHttp();
}
