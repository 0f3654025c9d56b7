package io.megalogout.lambda.secrets;

import java.nio.charset.StandardCharsets;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.warmup.http.CannedResponseHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * One {@code GetSecretValue} through a client like the real one, answered by the SDK's own canned HTTP client
 * ({@code CannedResponseHttpClient}, public API of the SDK's warm-up support) and signed with made-up static
 * credentials: the request's marshalling, endpoint rules, SigV4 signing, retry and answer parsing are loaded and run,
 * and nothing leaves the process. Not {@code SdkWarmUp.warmUp(...)}, the SDK's own entry point, which also warms the
 * HTTP clients with a real unsigned request to {@code sts.<region>.amazonaws.com}: priming sends nothing.
 */
final class SdkPriming {

    private static final byte[] ANSWER = ("{\"ARN\":\"arn:aws:secretsmanager:us-east-1:000000000000:secret:priming-AbCdEf\","
            + "\"Name\":\"priming\",\"SecretString\":\"priming\",\"VersionId\":\"priming\",\"VersionStages\":"
            + "[\"AWSCURRENT\"],\"CreatedDate\":1.7E9}").getBytes(StandardCharsets.UTF_8);

    private SdkPriming() {
    }

    static void readOnce(String region) {
        try (SecretsManagerClient canned = SecretsManagerClient.builder().region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("PRIMING", "priming")))
                .httpClient(CannedResponseHttpClient.builder().statusCode(200).responseBody(ANSWER).build())
                .build()) {
            canned.getSecretValue(request -> request.secretId("priming"));
        }
    }
}
