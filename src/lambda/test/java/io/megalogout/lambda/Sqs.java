package io.megalogout.lambda;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** SQS events as Lambda's event source mapping sends them, for the tests (the packaged ones too). */
public final class Sqs {

    private Sqs() {
    }

    /** An SQS event with one record per entry: message id, body (written as a JSON string). */
    public static String event(Map<String, String> messages) {
        return messages.entrySet().stream().map(message -> record(message.getKey(), message.getValue()))
                .collect(Collectors.joining(",", "{\"Records\":[", "]}"));
    }

    /** The same, in the order given: id, body, id, body... */
    public static String event(String... idsAndBodies) {
        Map<String, String> messages = new LinkedHashMap<>();
        for (int i = 0; i < idsAndBodies.length; i += 2) {
            messages.put(idsAndBodies[i], idsAndBodies[i + 1]);
        }
        return event(messages);
    }

    public static String record(String id, String body) {
        return "{\"messageId\":\"" + id + "\",\"receiptHandle\":\"AQEB" + id + "==\",\"body\":\""
                + new String(JsonStringEncoder.getInstance().quoteAsString(body)) + "\",\"attributes\":"
                + "{\"ApproximateReceiveCount\":\"1\",\"SenderId\":\"AIDAEXAMPLESENDER\",\"SentTimestamp\":\"1764240000000\"},\"messageAttributes\":{},"
                + "\"md5OfBody\":\"0\",\"eventSource\":\"aws:sqs\",\"eventSourceARN\":"
                + "\"arn:aws:sqs:sa-east-1:000000000000:megaapi-logout\",\"awsRegion\":\"sa-east-1\"}";
    }

    /** The partial batch response that lists {@code ids}. */
    public static String failures(String... ids) {
        return java.util.Arrays.stream(ids).map(id -> "{\"itemIdentifier\":\"" + id + "\"}")
                .collect(Collectors.joining(",", "{\"batchItemFailures\":[", "]}"));
    }
}
