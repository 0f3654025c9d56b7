package io.megalogout.lambda.secrets;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.megalogout.secrets.SecretReadException;

/**
 * The SDK's reader in this JVM against moto_server, with the SDK's own system properties ({@code aws.region},
 * {@code aws.endpointUrl}, {@code aws.accessKeyId}...) in place of Lambda's environment, set for this class only. The
 * packaged function's runs, with Lambda's environment variables, are {@code PackagedFunctionSdkSecretsIT}'s.
 */
class SdkSecretsTest {

    private static final Duration BUDGET = Duration.ofSeconds(5);
    private static final String VALUE = "sdk-test-value-never-in-a-message";
    private static MotoSecretsManager aws;
    private static Map<String, String> properties;
    private WireMockServer other;
    private SdkSecrets reader;

    @BeforeAll
    static void startAwsAndPointTheSdkAtIt() throws Exception {
        aws = MotoSecretsManager.start();
        MotoSecretsManager.RoleCredentials role = aws.readerRole("sdk-secrets-test");
        properties = Map.of("aws.region", MotoSecretsManager.REGION, "aws.endpointUrl", aws.endpoint(),
                "aws.accessKeyId", role.accessKeyId(), "aws.secretAccessKey", role.secretAccessKey(), "aws.sessionToken",
                role.sessionToken());
        properties.forEach(System::setProperty);
    }

    @AfterAll
    static void stopAws() {
        properties.keySet().forEach(System::clearProperty);
        aws.close();
    }

    @BeforeEach
    void newReader() {
        reader = new SdkSecrets();
    }

    @AfterEach
    void closeReader() {
        reader.close();
        System.setProperty("aws.endpointUrl", aws.endpoint());
        if (other != null) {
            other.stop();
        }
    }

    private static String unique(String name) {
        return "megaapi/" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void readsTheSecretStringByArnOrName() {
        String name = unique("token");
        String arn = aws.createSecret(name, VALUE);

        assertThat(reader.unusable()).isEmpty();
        assertThat(reader.secretString(arn, BUDGET)).isEqualTo(VALUE);
        assertThat(reader.secretString(name, BUDGET)).isEqualTo(VALUE);
    }

    @Test
    void namesAnUnknownSecretAndAwsErrorCode() {
        assertThatThrownBy(() -> reader.secretString("megaapi/no-such-secret", BUDGET))
                .isInstanceOf(SecretReadException.class)
                // AWS answers 400, moto 404: the code and AWS's words are what matter.
                .hasMessageStartingWith("secret 'megaapi/no-such-secret': Secrets Manager answered HTTP ")
                .hasMessageEndingWith(" ResourceNotFoundException: Secrets Manager can't find the specified secret.");
    }

    @Test
    void refusesABinarySecretNamingItNeverItsBytes() {
        String arn = aws.createBinarySecret(unique("binary"), VALUE.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> reader.secretString(arn, BUDGET)).isInstanceOf(SecretReadException.class)
                .hasMessage("secret '" + arn + "': has no SecretString (a binary secret is not supported)");
    }

    @Test
    void primingSendsNothingAndFetchesNoCredentials() {
        other = new WireMockServer(wireMockConfig().dynamicPort());
        other.start();
        other.stubFor(any(anyUrl()).willReturn(okJson("{\"Name\":\"n\",\"SecretString\":\"from-the-endpoint\"}")));
        System.setProperty("aws.endpointUrl", other.baseUrl());
        reader = new SdkSecrets();

        reader.prime();

        assertThat(reader.primed()).as("the canned read ran").isTrue();
        assertThat(other.getAllServeEvents()).isEmpty();
        assertThat(reader.secretString("megaapi/token", BUDGET)).isEqualTo("from-the-endpoint");
        assertThat(other.getAllServeEvents()).hasSize(1);
        assertThat(other.getAllServeEvents().get(0).getRequest().getHeader("X-Amz-Target"))
                .isEqualTo("secretsmanager.GetSecretValue");
    }

    @Test
    void givesUpAtTheEndOfTheBudget() {
        other = new WireMockServer(wireMockConfig().dynamicPort());
        other.start();
        other.stubFor(any(anyUrl()).willReturn(okJson("{\"SecretString\":\"late\"}").withFixedDelay(10_000)));
        System.setProperty("aws.endpointUrl", other.baseUrl());
        reader = new SdkSecrets();

        assertThatThrownBy(() -> reader.secretString("megaapi/token", Duration.ofMillis(300)))
                .isInstanceOf(SecretReadException.class)
                .hasMessage("secret 'megaapi/token': no answer from Secrets Manager within 300 ms");
    }

    @Test
    void isUnusableWithoutARegion() {
        assumeTrue(System.getenv("AWS_REGION") == null, "this machine's environment sets AWS_REGION");
        System.clearProperty("aws.region");
        try {
            assertThat(reader.unusable()).hasValue("AWS_REGION is not set (Lambda sets it), which the AWS SDK's"
                    + " Secrets Manager client needs (megaapi.secrets.reader=sdk)");
        } finally {
            System.setProperty("aws.region", MotoSecretsManager.REGION);
        }
    }
}
