package io.megalogout.logout;

import java.util.Map;

/**
 * Where one request came from, for its log line: the door's request id, and, for a key of a bulk or a message of an SQS
 * batch, which one. Several lines then share a request id, and these fields tell them apart.
 *
 * @param messageId the SQS message's id, or null outside a batch
 * @param bulk the key's place among the bulk's distinct keys, {@code "3/10"}, or null outside a bulk
 */
record Origin(String requestId, String messageId, String bulk) {

    static Origin of(String requestId) {
        return new Origin(requestId, null, null);
    }

    Origin message(String id) {
        return new Origin(requestId, id, bulk);
    }

    /** The {@code position}-th (from 1) of {@code count} keys of a bulk. */
    Origin inBulk(int position, int count) {
        return new Origin(requestId, messageId, position + "/" + count);
    }

    /** Adds the fields that are set, after the line's usual ones, so that those keep their places. */
    void addTo(Map<String, String> fields) {
        if (bulk != null) {
            fields.put("bulk", bulk);
        }
        if (messageId != null) {
            fields.put("messageId", messageId);
        }
    }
}
