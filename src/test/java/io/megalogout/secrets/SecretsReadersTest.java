package io.megalogout.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The reader a build does not have (the HTTP door's has no AWS SDK): named at start-up, never read. */
class SecretsReadersTest {

    @Test
    void aReaderThisBuildDoesNotHaveSaysSoAndReadsNothing() {
        SecretsReader absent = new SecretsReaders.Absent(SecretsConfig.Reader.SDK);

        assertThat(absent.unusable()).hasValue("megaapi.secrets.reader is 'sdk', a reader this build does not have (the"
                + " AWS SDK's is in the Lambda build only: ./mvnw package)");
        assertThatThrownBy(() -> absent.secretString("megaapi/token", Duration.ofSeconds(1)))
                .isInstanceOf(SecretReadException.class)
                .hasMessageStartingWith("secret 'megaapi/token': megaapi.secrets.reader is 'sdk'");
    }
}
