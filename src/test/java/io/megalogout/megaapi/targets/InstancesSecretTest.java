package io.megalogout.megaapi.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.megalogout.logout.Deadline;
import io.megalogout.secrets.SecretsExtension;
import io.megalogout.secrets.SecretsExtensionStandIn;

/**
 * The instances secret read through a stand-in of the extension: its shape, read once and kept, read again on demand,
 * dropped before a SnapStart checkpoint, and every token it held redacted. Messages name the key, never a value.
 */
class InstancesSecretTest {

    private static final String ID = "megaapi/instances";
    private static final String TOKEN = "instance-token-never-logged";
    private static final String OK = "{\"cust-1.main\": {\"token\": \"" + TOKEN
            + "\", \"base-url\": \"https://customer.example\"}, \"host-only\": {\"base-url\": \"https://c.example\"},"
            + " \"token-only\": {\"token\": \"" + TOKEN + "\"}}";

    private SecretsExtensionStandIn extension;
    private InstancesSource secret;

    @BeforeEach
    void startTheExtension() throws IOException {
        extension = new SecretsExtensionStandIn();
        Map<String, String> environment = Map.of(SecretsExtension.PORT_VARIABLE, String.valueOf(extension.port()),
                "AWS_SESSION_TOKEN", SecretsExtensionStandIn.SESSION_TOKEN);
        secret = new InstancesSource(Optional.of(new InstancesSecret(
                new SecretsExtension(name -> Optional.ofNullable(environment.get(name))), ID, Duration.ofSeconds(5))),
                false, InstancesSourceTest.FRESHNESS);
    }

    @AfterEach
    void stopTheExtension() {
        extension.close();
    }

    @Test
    void readsEachInstancesOwnSettingsOnceAndKeepsThem() {
        extension.secret(ID, OK);

        Map<String, InstanceSettings> instances = secret.reread(deadline()).valid();
        secret.entry("host-only", deadline());

        assertThat(instances).containsOnlyKeys("cust-1.main", "host-only", "token-only");
        assertThat(instances.get("cust-1.main").token()).contains(new BearerToken(TOKEN));
        assertThat(instances.get("cust-1.main").baseUrl()).contains("https://customer.example");
        assertThat(instances.get("host-only").token()).isEmpty();
        assertThat(instances.get("token-only").baseUrl()).isEmpty();
        assertThat(extension.secretRequests()).hasSize(1);
    }

    @Test
    void readsAgainOnDemandAndAfterACheckpoint() {
        extension.secret(ID, OK);
        secret.entry("cust-1.main", deadline());

        secret.reread(deadline());
        secret.beforeCheckpoint(null);
        secret.entry("cust-1.main", deadline());

        assertThat(extension.secretRequests()).hasSize(3);
    }

    @Test
    void redactsEveryTokenItReadUntilACheckpoint() {
        extension.secret(ID, OK);
        secret.entry("cust-1.main", deadline());

        assertThat(secret.redact("echo " + TOKEN)).isEqualTo("echo ***");
        secret.beforeCheckpoint(null);
        assertThat(secret.redact("echo " + TOKEN)).isEqualTo("echo " + TOKEN);
    }

    /** What is refused is InstancesJsonTest's; here, that a refused read is not kept, and the next one reads again. */
    @Test
    void refusesASecretThatIsNotAJsonObjectAndReadsItAgainNextTime() {
        extension.secret(ID, "[\"" + TOKEN + "\"]");
        assertThatThrownBy(() -> secret.entry("k", deadline())).isInstanceOf(TokenReadException.class)
                .hasMessageStartingWith("secret 'megaapi/instances'").hasMessageNotContaining(TOKEN);
        extension.secret(ID, OK);

        assertThat(secret.entry("cust-1.main", deadline())).isPresent();
        assertThat(extension.secretRequests()).hasSize(2);
    }

    @Test
    void keepsTheEntriesItRefusedBesideThoseThatServe() {
        extension.secret(ID, "{\"good\": {\"token\": \"" + TOKEN + "\"}, \"plain\": {\"token\": \"" + TOKEN
                + "\", \"base-url\": \"http://c.example\"}}");

        InstanceEntries instances = secret.reread(deadline());

        assertThat(instances.valid()).containsOnlyKeys("good");
        assertThat(instances.refused()).containsOnlyKeys("plain");
        assertThat(extension.secretRequests()).hasSize(1);
    }

    private static Deadline deadline() {
        return Deadline.after(Duration.ofSeconds(5));
    }
}
