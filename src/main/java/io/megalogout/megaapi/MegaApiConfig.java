package io.megalogout.megaapi;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where Mega-API is and how to reach it, by default: each instance may have a host and token of its own
 * ({@link ConfiguredInstances}, {@link InstancesSecret}). {@code application.properties} hands the timeouts to the REST
 * client {@code quarkus.rest-client.megaapi.*}; {@link MegaApiConfigCheck} refuses unsafe values at start-up.
 */
@ConfigMapping(prefix = "megaapi")
public interface MegaApiConfig {

    /**
     * The default Mega-API host, e.g. {@code https://apinocode01.megaapi.com.br}, for instances without a host of their
     * own. No default: it is per customer, and without it only instances configured with their own host are served.
     */
    Optional<String> baseUrl();

    /**
     * The default token, secret, when it is given directly ({@code MEGAAPI_TOKEN} or a file in the secrets directory),
     * for instances without a token or a host of their own. No default: {@link MegaApiConfigCheck} stops start-up if
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
     * Milliseconds one read of the secret may take, waiting for the extension to start listening included. A read
     * during a logout also ends at the logout's deadline.
     */
    @WithDefault("3000")
    long tokenSecretTimeoutMs();

    /** Milliseconds to wait for the TCP connection, per attempt. */
    @WithDefault("2000")
    long connectTimeoutMs();

    /** Milliseconds without a byte from Mega-API after which an attempt is abandoned (an idle timeout, per attempt). */
    @WithDefault("10000")
    long readTimeoutMs();

    /**
     * Milliseconds one logout may take in all, every attempt and wait between attempts included. The door's own
     * deadline (on Lambda, the invocation's remaining time less {@code lambda.deadline-margin-ms}) shortens it.
     */
    @WithDefault("20000")
    long logoutTimeoutMs();

    /**
     * The largest answer body read from Mega-API, in bytes. A 2xx answer over it is refused as outside the contract (the
     * contract's answer is about a hundred bytes); an error answer is read up to it for its message.
     */
    @WithDefault("16384")
    int maxResponseBytes();

    /**
     * Milliseconds for which one set of connections may be reused, from the moment the first of them could be opened
     * ({@link ClientGenerations}): a burst of requests within it shares its connections (one TCP and TLS handshake per
     * connection, not per request); after it, and after any freeze that outlasts it, the next request opens new ones.
     * Keep it well under the shortest idle timeout of a server on the way (5 s for Apache httpd and Node.js): at most
     * {@value MegaApiConfigCheck#MAX_CONNECTION_REUSE_MS}. {@code 0}: a new connection for every request.
     */
    @WithDefault("2000")
    long connectionReuseMs();

    /** Allow a plain {@code http://} base URL outside dev and test (the token would travel unencrypted). */
    @WithDefault("false")
    boolean allowPlainHttp();

    /**
     * Prime the client at start-up ({@link ClientPriming}): class loading and the first request's set-up move from the
     * first request into start-up, with no request to Mega-API. Off by default: the HTTP door starts once and serves for
     * long; the Lambda door's build turns it on, since every new execution environment's first logout would pay it.
     */
    @WithDefault("false")
    boolean prime();
}
