package io.megalogout.megaapi.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.megalogout.secrets.SecretsExtension;
import io.megalogout.secrets.SecretsReader;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.configuration.ConfigurationException;

/** The start-up check on its own, for every shape of base URL and token; the packaged test shows it stops start-up. */
class TargetConfigCheckTest {

    private static final String TOKEN = "Abc-123._~+/token==";

    private static final String SECRET = "arn:aws:secretsmanager:sa-east-1:000000000000:secret:megaapi/token-AbCdEf";
    /** Lambda's environment, as far as the extension needs it. */
    private static final SecretsExtension ON_LAMBDA = extension(Map.of("AWS_SESSION_TOKEN", "session"));
    private static final SecretsExtension UNDER_SNAPSTART = extension(Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI",
            "http://127.0.0.1:9001/2018-06-01/credentials", "AWS_CONTAINER_AUTHORIZATION_TOKEN", "authorization"));
    private static final SecretsExtension ELSEWHERE = extension(Map.of());

    record Config(Optional<String> baseUrl, Optional<BearerToken> token, Optional<String> tokenSecretId,
            Optional<String> instancesSecretId, long tokenSecretTimeoutMs, boolean allowPlainHttp,
            Optional<String> instancesFile, Unlisted unlistedInstances)
            implements
                TargetConfig {

        Config(Optional<String> baseUrl, Optional<BearerToken> token, Optional<String> tokenSecretId,
                Optional<String> instancesSecretId, long tokenSecretTimeoutMs, boolean allowPlainHttp) {
            this(baseUrl, token, tokenSecretId, instancesSecretId, tokenSecretTimeoutMs, allowPlainHttp,
                    Optional.empty(), Unlisted.DEFAULT);
        }

        @Override
        public Map<String, Declared> instances() {
            return Map.of();
        }

        @Override
        public long instancesRecheckMs() {
            return 5000;
        }

        @Override
        public long instancesMaxAgeMs() {
            return 300_000;
        }

        Config refusingUnlisted() {
            return new Config(baseUrl, token, tokenSecretId, instancesSecretId, tokenSecretTimeoutMs, allowPlainHttp,
                    instancesFile, Unlisted.REFUSE);
        }

        Config withInstancesFile(String path) {
            return new Config(baseUrl, token, tokenSecretId, instancesSecretId, tokenSecretTimeoutMs, allowPlainHttp,
                    Optional.of(path), unlistedInstances);
        }

        Config(String baseUrl, String token, boolean allowPlainHttp) {
            this(Optional.of(baseUrl), Optional.of(new BearerToken(token)), Optional.empty(), Optional.empty(), 3000,
                    allowPlainHttp);
        }

        static Config tokenFrom(Optional<String> token, Optional<String> secretId) {
            return new Config(Optional.of("https://host"), token.map(BearerToken::new), secretId, Optional.empty(), 3000,
                    false);
        }

        /** Neither a default host nor a default token: only what {@code instances} or a secret of them give. */
        static Config withoutDefaults(Optional<String> instancesSecretId) {
            return new Config(Optional.empty(), Optional.empty(), Optional.empty(), instancesSecretId, 3000, false);
        }
    }

    private static SecretsExtension extension(Map<String, String> environment) {
        return new SecretsExtension(name -> Optional.ofNullable(environment.get(name)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://apinocode01.megaapi.com.br", "https://host:8443", "https://host/base/",
            "HTTPS://host" })
    void acceptsAnHttpsBaseUrl(String url) {
        assertThatCode(() -> TargetConfigCheck.check(new Config(url, TOKEN, false), LaunchMode.NORMAL, ON_LAMBDA))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = { "DEVELOPMENT", "TEST" })
    void acceptsPlainHttpInDevAndTest(String mode) {
        assertThatCode(() -> TargetConfigCheck.check(new Config("http://localhost:8089", TOKEN, false),
                LaunchMode.valueOf(mode), ON_LAMBDA)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(booleans = { true, false })
    void refusesPlainHttpInProdUnlessExplicitlyAllowed(boolean allowed) {
        var check = assertThatCode(
                () -> TargetConfigCheck.check(new Config("http://host", TOKEN, allowed), LaunchMode.NORMAL, ON_LAMBDA));
        if (allowed) {
            check.doesNotThrowAnyException();
        } else {
            check.isInstanceOf(ConfigurationException.class).hasMessageContaining("megaapi.base-url is plain http://")
                    .hasMessageContaining("megaapi.allow-plain-http");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp://host", "host.example", "/rest", "https://", "https:///path", "https://user:pw@host",
            "https://host?x=1", "https://host#frag", "https://host name", " https://host", "" })
    void refusesABaseUrlThatIsNotSchemeHostPortPath(String url) {
        assertThatThrownBy(() -> TargetConfigCheck.check(new Config(url, TOKEN, true), LaunchMode.NORMAL, ON_LAMBDA))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("megaapi.base-url ")
                .satisfies(e -> assertThat(((ConfigurationException) e).getConfigKeys()).containsExactly("megaapi.base-url"))
                .hasMessageNotContaining("pw@");
    }

    @Test
    void refusesASecretReadTimeoutThatIsNotPositive() {
        Config config = new Config(Optional.of("https://host"), Optional.empty(), Optional.of(SECRET), Optional.empty(), 0,
                false);

        assertThatThrownBy(() -> TargetConfigCheck.check(config, LaunchMode.NORMAL, ON_LAMBDA))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("megaapi.token-secret-timeout-ms must be greater than 0");
    }

    @ParameterizedTest
    @ValueSource(strings = { " secret-token", "secret-token\n", "secret token", "secret\ttoken", "secret-tok\u00e9n",
            "secret=token", "secret\r\nX-Injected: 1", "" })
    void refusesATokenThatCannotTravelInAnAuthorizationHeaderWithoutPrintingIt(String token) {
        assertThatThrownBy(
                () -> TargetConfigCheck.check(new Config("https://host", token, false), LaunchMode.NORMAL, ON_LAMBDA))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("megaapi.token ")
                .hasMessageNotContaining("secret");
    }

    /** Instances may bring their own tokens; one without any is refused when it is asked for, with nothing sent. */
    @Test
    void startsWithoutADefaultToken() {
        assertThatCode(() -> TargetConfigCheck.check(Config.tokenFrom(Optional.empty(), Optional.empty()),
                LaunchMode.NORMAL, ON_LAMBDA)).doesNotThrowAnyException();
    }

    @Test
    void refusesToStartWithoutAnyHostNamingEveryWayToGiveOne() {
        assertThatThrownBy(() -> TargetConfigCheck.check(Config.withoutDefaults(Optional.empty()), Map.of(),
                LaunchMode.NORMAL, ON_LAMBDA))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("megaapi.base-url is required unless instances have hosts of their own: set "
                        + "MEGAAPI_BASE_URL, or megaapi.instances.\"<key>\".base-url, or MEGAAPI_INSTANCES_FILE, or"
                        + " MEGAAPI_INSTANCES_SECRET_ID");
    }

    @Test
    void refusesTwoInstancesSourcesAndStartsWithAFileAlone() {
        assertThatThrownBy(() -> TargetConfigCheck.check(Config.withoutDefaults(Optional.of("megaapi/instances"))
                .withInstancesFile("/var/run/secrets/megaapi/instances.json"), Map.of(), LaunchMode.NORMAL, ON_LAMBDA))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("megaapi.instances-file and megaapi.instances-secret-id are both set");
        TargetConfigCheck.check(Config.withoutDefaults(Optional.empty()).withInstancesFile("/x/instances.json"),
                Map.of(), LaunchMode.NORMAL, ON_LAMBDA);
    }

    @Test
    void startsWithOnlyInstancesOfTheirOwn() {
        Map<String, InstanceSettings> instances = Map.of("cust-1.main",
                instance("cust-1.main", "https://customer.example", TOKEN));
        assertThatCode(() -> TargetConfigCheck.check(Config.withoutDefaults(Optional.empty()), instances,
                LaunchMode.NORMAL, ON_LAMBDA)).doesNotThrowAnyException();
        assertThatCode(() -> TargetConfigCheck.check(Config.withoutDefaults(Optional.of(SECRET)), Map.of(),
                LaunchMode.NORMAL, ON_LAMBDA)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://customer.example", "ftp://customer.example", "https://user:pw@customer.example",
            "https://customer.example?x=1", "https://customer.example#f", "customer.example" })
    void refusesAnInstancesOwnBaseUrlByTheSameRulesNamingItsProperty(String url) {
        Map<String, InstanceSettings> instances = Map.of("cust-1.main", instance("cust-1.main", url, TOKEN));
        assertThatThrownBy(() -> TargetConfigCheck.check(new Config("https://host", TOKEN, false), instances,
                LaunchMode.NORMAL, ON_LAMBDA))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("megaapi.instances.\"cust-1.main\".base-url ")
                .hasMessageNotContaining("pw@");
    }

    @Test
    void refusesAnInstancesOwnTokenThatIsNoBearerTokenWithoutPrintingIt() {
        Map<String, InstanceSettings> instances = Map.of("k", instance("k", "https://customer.example", "secret token"));
        assertThatThrownBy(() -> TargetConfigCheck.check(new Config("https://host", TOKEN, false), instances,
                LaunchMode.NORMAL, ON_LAMBDA))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("megaapi.instances.\"k\".token is not a bearer token")
                .hasMessageNotContaining("secret");
    }

    @Test
    void refusesAnInstancesSecretWhenTheExtensionCannotBeAsked() {
        assertThatThrownBy(() -> TargetConfigCheck.check(Config.withoutDefaults(Optional.of(SECRET)), Map.of(),
                LaunchMode.NORMAL, ELSEWHERE))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("megaapi.instances-secret-id is set, but the session token");
    }

    private static InstanceSettings instance(String key, String url, String token) {
        return new InstanceSettings(Optional.of(url), Optional.of(new BearerToken(token)),
                "megaapi.instances.\"" + key + "\"");
    }

    @Test
    void refusesATokenAndASecretAtOnce() {
        assertThatThrownBy(() -> TargetConfigCheck.check(Config.tokenFrom(Optional.of(TOKEN), Optional.of(SECRET)),
                LaunchMode.NORMAL, ON_LAMBDA))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("megaapi.token and megaapi.token-secret-id are both set: set one of them")
                .hasMessageNotContaining(TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = { SECRET, "megaapi/token", "prod/megaapi-token_1+=.@" })
    void acceptsASecretsArnOrNameWhereTheExtensionCanBeAsked(String secretId) {
        assertThatCode(() -> TargetConfigCheck.check(Config.tokenFrom(Optional.empty(), Optional.of(secretId)),
                LaunchMode.NORMAL, ON_LAMBDA)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = { "megaapi token", "megaapi/token\n", "s\u00e9cret", "a\"b" })
    void refusesASecretIdThatIsNoArnOrName(String secretId) {
        assertThatThrownBy(() -> TargetConfigCheck.check(Config.tokenFrom(Optional.empty(), Optional.of(secretId)),
                LaunchMode.NORMAL, ON_LAMBDA))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("megaapi.token-secret-id is not a secret's ARN or name");
    }

    @Test
    void refusesASecretWhenTheExtensionCannotBeAskedForLackOfASessionToken() {
        for (SecretsExtension extension : new SecretsExtension[] { ELSEWHERE, UNDER_SNAPSTART }) {
            assertThatThrownBy(() -> TargetConfigCheck.check(Config.tokenFrom(Optional.empty(), Optional.of(SECRET)),
                    LaunchMode.NORMAL, extension))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessage("megaapi.token-secret-id is set, but the session token that the extension on "
                            + "localhost:2773 asks for is not: AWS_SESSION_TOKEN is not set (Lambda sets none under "
                            + "SnapStart, where megaapi.secrets.reader=sdk reads secrets)");
        }
    }

    @Test
    void refusesEitherSecretNamingItAndWhyTheConfiguredReaderCannotRead() {
        SecretsReader absent = new SecretsReader() {
            @Override
            public String secretString(String secretId, Duration budget) {
                throw new AssertionError("a start-up check reads no secret");
            }

            @Override
            public Optional<String> unusable() {
                return Optional.of("no region");
            }
        };
        assertThatThrownBy(
                () -> TargetConfigCheck.check(Config.withoutDefaults(Optional.of(SECRET)), LaunchMode.NORMAL, absent))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("megaapi.instances-secret-id is set, but no region");
    }
}
