package io.megalogout.lambda.secrets;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * One {@code GetSecretValue} through a client like the real one, answered from memory by {@link CannedAnswer} and
 * signed with made-up static credentials: the request's marshalling, endpoint rules, SigV4 signing, retry and answer
 * parsing are loaded and run, and nothing leaves the process. Our own few lines on the SDK's public HTTP client SPI,
 * because the SDK's warm-up support does not fit: {@code SdkWarmUp.warmUp(...)} also warms the HTTP clients with a real
 * unsigned request to {@code sts.<region>.amazonaws.com} (priming sends nothing), and its {@code CannedResponseHttpClient}
 * is {@code @SdkProtectedApi}, for the SDK's own use.
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
                .httpClient(new CannedAnswer())
                .build()) {
            canned.getSecretValue(request -> request.secretId("priming"));
        }
    }

    /** Answers every request with {@link #ANSWER}, without a connection. */
    private static final class CannedAnswer implements SdkHttpClient {

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder().statusCode(200)
                                    .putHeader("Content-Type", "application/x-amz-json-1.1").build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(ANSWER))).build();
                }

                @Override
                public void abort() {
                    // nothing to abort: the answer is in memory
                }
            };
        }

        @Override
        public String clientName() {
            return "megalogout-priming";
        }

        @Override
        public void close() {
            // holds nothing
        }
    }
}
