package io.megalogout.lambda.secrets;

import java.time.Duration;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.megalogout.secrets.SecretReadException;
import io.megalogout.secrets.SecretsReader;

import io.smallrye.common.annotation.Identifier;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/**
 * AWS Secrets Manager through the AWS SDK for Java v2 ({@code megaapi.secrets.reader=sdk}, the default): the way AWS
 * documents for a SnapStart function, whose credentials come from the container credentials endpoint
 * ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI}, {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}) that the SDK's default chain
 * reads; elsewhere the same chain takes the access keys in the environment. The standard settings hold:
 * {@code AWS_REGION}, {@code AWS_ENDPOINT_URL_SECRETS_MANAGER} (or {@code AWS_ENDPOINT_URL}). The client runs on the
 * JDK's {@code HttpURLConnection} (the url-connection client), and is built once, at start-up when primed: building it
 * fetches no credentials, which the chain resolves at the first read, after a SnapStart restore.
 */
@Singleton
@Identifier("sdk")
public class SdkSecrets implements SecretsReader {

    private static final Logger LOG = Logger.getLogger(SdkSecrets.class);
    /** A TCP connection to Secrets Manager that takes longer is not coming: the SDK tries again within the budget. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private volatile SecretsManagerClient client;
    private volatile boolean primed;

    @Override
    public Optional<String> unusable() {
        return region().isPresent() ? Optional.empty()
                : Optional.of("AWS_REGION is not set (Lambda sets it), which the AWS SDK's Secrets Manager client needs"
                        + " (megaapi.secrets.reader=sdk)");
    }

    @Override
    public void prime() {
        long began = System.nanoTime();
        try {
            client();
            Optional<String> region = region();
            region.ifPresent(SdkPriming::readOnce);
            primed = region.isPresent();
            LOG.debugf("primed the Secrets Manager client in %d ms (a canned answer, nothing sent)",
                    Duration.ofNanos(System.nanoTime() - began).toMillis());
        } catch (RuntimeException e) {
            LOG.debugf("priming the Secrets Manager client failed (%s); the first read pays instead",
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public String secretString(String secretId, Duration budget) {
        GetSecretValueResponse answer;
        try {
            answer = client().getSecretValue(request -> request.secretId(secretId)
                    .overrideConfiguration(call -> call.apiCallTimeout(budget)));
        } catch (ApiCallTimeoutException slow) {
            throw new SecretReadException(secretId, "no answer from Secrets Manager within " + budget.toMillis()
                    + " ms");
        } catch (AwsServiceException refused) {
            throw new SecretReadException(secretId, SdkFailures.refusal(refused));
        } catch (SdkException failed) {
            throw new SecretReadException(secretId, SdkFailures.clientFailure(failed));
        }
        if (answer.secretString() == null) {
            throw new SecretReadException(secretId, "has no SecretString (a binary secret is not supported)");
        }
        return answer.secretString();
    }

    /** Whether the last {@link #prime()} ran its read. */
    boolean primed() {
        return primed;
    }

    private SecretsManagerClient client() {
        SecretsManagerClient built = client;
        if (built != null) {
            return built;
        }
        synchronized (this) {
            if (client == null) {
                Region region = region().map(Region::of)
                        .orElseThrow(() -> new IllegalStateException("AWS_REGION is not set"));
                client = SecretsManagerClient.builder().region(region)
                        .credentialsProvider(DefaultCredentialsProvider.builder().build())
                        .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT).build())
                        .build();
            }
            return client;
        }
    }

    /** {@code aws.region} or {@code AWS_REGION}, as the SDK reads them; never the instance metadata service. */
    private static Optional<String> region() {
        return SdkSystemSetting.AWS_REGION.getStringValue().filter(region -> !region.isBlank());
    }

    @PreDestroy
    void close() {
        SecretsManagerClient built = client;
        if (built != null) {
            built.close();
        }
    }
}
