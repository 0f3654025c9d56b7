package io.megalogout.logout;

import java.util.Map;

/**
 * Where one request came from, for its log line: the door's request id and who asked; the client's address and its own
 * request id when the door has them; and, for a key of a bulk or a message of an SQS batch, which one. Several lines
 * then share a request id, and these fields tell them apart.
 *
 * @param requestId the door's own id, never one a caller chose
 * @param client the client's address (HTTP door), or null
 * @param callerRequestId the id the caller sent along ({@code X-Request-Id}, already checked to be sane), or null
 * @param messageId the SQS message's id, or null outside a batch
 * @param bulk the key's place among the bulk's distinct keys, {@code "3/10"}, or null outside a bulk
 */
public record Origin(String requestId, Caller caller, String client, String callerRequestId, String messageId,
        String bulk) {

    public static Origin of(String requestId, Caller caller) {
        return new Origin(requestId, caller, null, null, null, null);
    }

    /** The same origin, from {@code client} (an address) with the caller's own request id (null when none). */
    public Origin from(String client, String callerRequestId) {
        return new Origin(requestId, caller, client, callerRequestId, messageId, bulk);
    }

    Origin message(String id) {
        return new Origin(requestId, caller, client, callerRequestId, id, bulk);
    }

    /** The {@code position}-th (from 1) of {@code count} keys of a bulk. */
    Origin inBulk(int position, int count) {
        return new Origin(requestId, caller, client, callerRequestId, messageId, position + "/" + count);
    }

    /** Adds who asked and the fields that are set, after the line's usual ones, so that those keep their places. */
    void addTo(Map<String, String> fields) {
        fields.put("caller", caller.name());
        if (bulk != null) {
            fields.put("bulk", bulk);
        }
        if (messageId != null) {
            fields.put("messageId", messageId);
        }
        if (client != null) {
            fields.put("client", client);
        }
        if (callerRequestId != null) {
            fields.put("callerRequestId", callerRequestId);
        }
    }
}
