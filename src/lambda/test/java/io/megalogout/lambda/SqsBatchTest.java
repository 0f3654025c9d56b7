package io.megalogout.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.megalogout.error.InvalidEventException;
import io.megalogout.logout.QueuedLogouts.Message;

/**
 * The partial batch response on its own: the ids of the failed messages, escaped as JSON requires; and who sent each
 * message, as its log lines name it.
 */
class SqsBatchTest {

    @Test
    void answersNoFailuresWhenEveryMessageSucceeded() {
        assertThat(SqsBatch.response(List.of())).isEqualTo("{\"batchItemFailures\":[]}");
    }

    @Test
    void escapesEachFailedMessageIdInTheBatchsOrder() {
        String odd = "a\"b\\c/d\n\u0001\u00e9\uD83D\uDE00";

        assertThat(SqsBatch.response(List.of("m-2", odd))).isEqualTo("{\"batchItemFailures\":["
                + "{\"itemIdentifier\":\"m-2\"},{\"itemIdentifier\":\"a\\\"b\\\\c/d\\n\\u0001\u00e9\uD83D\uDE00\"}]}");
    }

    @Test
    void namesEachMessageAfterItsSenderAndNeverAfterAForgedOne() {
        String batch = "{\"Records\":[" + String.join(",",
                Sqs.record("m1", "{}").replace("\"SenderId\":\"AIDAEXAMPLESENDER\",", ""),
                sentBy("m2", "AROAEXAMPLE:i-0abc@worker.1"), sentBy("m3", "AIDA x caller=root"),
                sentBy("m4", "A".repeat(161)), sentBy("m5", "AIDAEXAMPLESENDER")) + "]}";

        assertThat(SqsBatch.of(batch.getBytes(StandardCharsets.UTF_8)).orElseThrow().messages())
                .extracting(message -> message.id() + " " + message.sender().name())
                .containsExactly("m1 sqs:-", "m2 sqs:AROAEXAMPLE:i-0abc@worker.1", "m3 sqs:-", "m4 sqs:-",
                        "m5 sqs:AIDAEXAMPLESENDER");
    }

    @ParameterizedTest
    @ValueSource(strings = { "m1 outcome=LOGGED_OUT", "m1\\nm2", "m1\\u2028", "m\\\"1", "m_1", "cust-1.main",
            "\\u00e91" })
    void refusesTheWholeBatchForAMessageIdThatSqsDoesNotWrite(String id) {
        String batch = "{\"Records\":[" + Sqs.record("m0", "{}") + "," + Sqs.record(id, "{}") + "]}";

        assertThatThrownBy(() -> SqsBatch.of(batch.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("Invalid event: it is an SQS batch whose Records[1] has a messageId that SQS does not write"
                        + " (1 to 100 letters, digits and '-')");
    }

    @Test
    void takesAnSqsMessageIdAsItIs() {
        String uuid = "059f36b4-87a3-44ab-83d2-661975830a7d";
        String longest = "A-".repeat(50);
        String batch = "{\"Records\":[" + Sqs.record(uuid, "{}") + "," + Sqs.record(longest, "{}") + "]}";

        assertThat(SqsBatch.of(batch.getBytes(StandardCharsets.UTF_8)).orElseThrow().messages())
                .extracting(Message::id).containsExactly(uuid, longest);
        assertThat(SqsBatch.response(List.of(uuid, longest))).isEqualTo(Sqs.failures(uuid, longest));
    }

    private static String sentBy(String id, String senderId) {
        return Sqs.record(id, "{}").replace("AIDAEXAMPLESENDER", senderId);
    }
}
