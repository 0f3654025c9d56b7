package io.megalogout.megaapi.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.megalogout.error.InstanceNotConfiguredException;
import io.megalogout.logout.Deadline;
import io.megalogout.logout.InstanceKey;
import io.megalogout.secrets.SecretsExtension;

/**
 * An instance without a host or a token it may use: each situation's message, word for word, says what to set. The
 * messages are written out here, not built the way {@link Targets} builds them.
 */
class TargetsTest {

    private static final InstanceKey KEY = new InstanceKey("cust-1");
    private static final String DEFAULT_HOST = "https://default.example";
    private static final String OWN_HOST = "https://customer.example";
    private static final String SECRET_ID = "megaapi/instances";
    private static final String CONFIGURED = "megaapi.instances.\"cust-1\"";
    private static final String IN_SECRET = "secret '" + SECRET_ID + "'";
    private static final BearerToken TOKEN = new BearerToken("own-token");

    /** The defaults this deployment has: a host, a token, an instances secret. */
    record Defaults(boolean host, boolean token, boolean secret) {
    }

    static Stream<Arguments> situations() {
        return Stream.of(
                Arguments.of(new Defaults(true, true, false), entry(OWN_HOST, null, CONFIGURED),
                        "it has a base URL of its own (megaapi.instances.\"cust-1\") but no token of its own, and the"
                                + " default token is never sent to an instance's own host: set"
                                + " megaapi.instances.\"cust-1\".token"),
                Arguments.of(new Defaults(true, true, true), entry(OWN_HOST, null, IN_SECRET),
                        "it has a base URL of its own (secret 'megaapi/instances') but no token of its own, and the"
                                + " default token is never sent to an instance's own host: set"
                                + " megaapi.instances.\"cust-1\".token, or its entry in secret 'megaapi/instances'"),
                Arguments.of(new Defaults(true, false, false), null,
                        "no token: set megaapi.token (MEGAAPI_TOKEN, or MEGAAPI_TOKEN_SECRET_ID) for instances without"
                                + " their own, or megaapi.instances.\"cust-1\".token"),
                Arguments.of(new Defaults(true, false, true), entry(null, null, IN_SECRET),
                        "no token: set megaapi.token (MEGAAPI_TOKEN, or MEGAAPI_TOKEN_SECRET_ID) for instances without"
                                + " their own, or megaapi.instances.\"cust-1\".token, or its entry in secret"
                                + " 'megaapi/instances'"),
                Arguments.of(new Defaults(false, true, false), null,
                        "no base URL: set megaapi.base-url (MEGAAPI_BASE_URL) for instances without their own, or"
                                + " megaapi.instances.\"cust-1\".base-url"),
                Arguments.of(new Defaults(false, false, false), entry(null, TOKEN, CONFIGURED),
                        "no base URL: set megaapi.base-url (MEGAAPI_BASE_URL) for instances without their own, or"
                                + " megaapi.instances.\"cust-1\".base-url"),
                // An entry of its own counts as a token's place, held or not: the message names the base URL only.
                Arguments.of(new Defaults(false, false, true), entry(null, null, IN_SECRET),
                        "no base URL: set megaapi.base-url (MEGAAPI_BASE_URL) for instances without their own, or"
                                + " megaapi.instances.\"cust-1\".base-url, or its entry in secret 'megaapi/instances'"),
                Arguments.of(new Defaults(false, false, false), null,
                        "no base URL and no token: set megaapi.base-url (MEGAAPI_BASE_URL) for instances without their"
                                + " own, or megaapi.instances.\"cust-1\".base-url"),
                Arguments.of(new Defaults(false, false, true), null,
                        "no base URL and no token: set megaapi.base-url (MEGAAPI_BASE_URL) for instances without their"
                                + " own, or megaapi.instances.\"cust-1\".base-url, or its entry in secret"
                                + " 'megaapi/instances'"));
    }

    @ParameterizedTest
    @MethodSource("situations")
    void saysWhatToSetWhenNoHostOrNoTokenMayBeUsed(Defaults defaults, InstanceSettings own, String missing) {
        Targets targets = targets(defaults);

        assertThatThrownBy(() -> targets.target(KEY, Optional.ofNullable(own), Deadline.none()))
                .isInstanceOf(InstanceNotConfiguredException.class)
                .hasMessage("Instance 'cust-1' is not configured in this deployment: %s; nothing was sent", missing);
    }

    @Test
    void refusesAKeyWithNoEntryOfItsOwnWhenUnlistedInstancesAreRefusedAndNeverSendsItToTheDefaultHost() {
        MegaApiToken token = new MegaApiToken(new ConfiguredToken(new BearerToken("default-token")), Duration.ofSeconds(1));
        TargetConfig config = new TargetConfigCheckTest.Config(Optional.of(DEFAULT_HOST), Optional.empty(),
                Optional.empty(), Optional.empty(), 3000, false).refusingUnlisted();
        Targets targets = new Targets(new ConfiguredInstances(Map.of("listed", entry(OWN_HOST, TOKEN,
                "megaapi.instances.\"listed\""))), new InstancesSource(Optional.empty(), false,
                        InstancesSourceTest.FRESHNESS),
                token, config);

        assertThatThrownBy(() -> targets.of(KEY, Deadline.after(Duration.ofSeconds(1))))
                .isInstanceOf(InstanceNotConfiguredException.class)
                .hasMessage("Instance 'cust-1' is not configured in this deployment: it has no entry of its own"
                        + " (megaapi.instances.\"cust-1\") and megaapi.unlisted-instances is refuse; nothing was sent");
        assertThat(targets.of(new InstanceKey("listed"), Deadline.after(Duration.ofSeconds(1))).baseUrl())
                .isEqualTo(OWN_HOST);
    }

    private static InstanceSettings entry(String baseUrl, BearerToken token, String origin) {
        return new InstanceSettings(Optional.ofNullable(baseUrl), Optional.ofNullable(token), origin);
    }

    private static Targets targets(Defaults defaults) {
        Duration timeout = Duration.ofSeconds(1);
        InstancesSource secret = new InstancesSource(defaults.secret()
                ? Optional.of(new InstancesSecret(new SecretsExtension(name -> Optional.empty()), SECRET_ID, timeout))
                : Optional.empty(), false, InstancesSourceTest.FRESHNESS);
        MegaApiToken token = new MegaApiToken(defaults.token() ? new ConfiguredToken(new BearerToken("default-token"))
                : null, timeout);
        TargetConfig config = new TargetConfigCheckTest.Config(defaults.host() ? Optional.of(DEFAULT_HOST)
                : Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 3000, false);
        return new Targets(new ConfiguredInstances(Map.of()), secret, token, config);
    }
}
