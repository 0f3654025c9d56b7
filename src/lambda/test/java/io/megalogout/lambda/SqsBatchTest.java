package io.megalogout.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

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

    private static String sentBy(String id, String senderId) {
        return Sqs.record(id, "{}").replace("AIDAEXAMPLESENDER", senderId);
    }
}
