package io.megalogout.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class EmfMetricsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final EmfMetrics metrics = new EmfMetrics("megaapi-logout");

    @Test
    void countsALogoutThatMegaApiAnswered() throws Exception {
        JsonNode line = JSON.readTree("{" + metrics.members(1_700_000_000_000L, "LOGGED_OUT", "41") + "}");

        assertThat(line.get("_aws").get("Timestamp").asLong()).isEqualTo(1_700_000_000_000L);
        assertThat(line.get("_aws").get("CloudWatchMetrics")).hasSize(2);
        assertThat(line.get("FunctionName").asText()).isEqualTo("megaapi-logout");
        assertThat(line.get("Outcome").asText()).isEqualTo("LOGGED_OUT");
        assertThat(line.get("Logouts").asInt()).isEqualTo(1);
        assertThat(line.get("Failures").asInt()).isZero();
        assertThat(line.get("BreakerOpen").asInt()).isZero();
        assertThat(line.get("Duration").asLong()).isEqualTo(41);
    }

    @Test
    void countsARequestRefusedByAnOpenBreakerAsAFailure() throws Exception {
        JsonNode line = JSON.readTree("{" + metrics.members(1L, "MegaApiCircuitOpenException", "0") + "}");

        assertThat(line.get("Failures").asInt()).isEqualTo(1);
        assertThat(line.get("BreakerOpen").asInt()).isEqualTo(1);
    }

    @Test
    void countsEveryOtherOutcomeThatIsNotAnAnswerAsAFailure() throws Exception {
        for (String answered : new String[] { "ANSWERED_ERROR", "DRY_RUN", "ALREADY_DISCONNECTED" }) {
            assertThat(JSON.readTree("{" + metrics.members(1L, answered, "3") + "}").get("Failures").asInt()).isZero();
        }
        assertThat(JSON.readTree("{" + metrics.members(1L, "IllegalStateException", "3") + "}").get("Failures")
                .asInt()).isEqualTo(1);
    }

    @Test
    void staysValidJsonWhateverTheValues() throws Exception {
        JsonNode line = JSON.readTree("{" + new EmfMetrics("a\"b").members(1L, "x\",\"Logouts\":9", "12; DROP") + "}");

        assertThat(line.get("FunctionName").asText()).isEqualTo("a\"b");
        assertThat(line.get("Logouts").asInt()).isEqualTo(1);
        assertThat(line.get("Duration").asLong()).isZero();
    }
}
