package io.megalogout.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The partial batch response on its own: the ids of the failed messages, escaped as JSON requires. */
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
}
