package io.megalogout.lambda;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.megalogout.error.InvalidEventException;
import io.megalogout.json.CompactJson;
import io.megalogout.json.StrictJson;
import io.megalogout.logout.QueuedLogouts.Message;

/**
 * An SQS event as Lambda's event source mapping sends it, {@code {"Records": [{"messageId": "...", "body": "...",
 * "attributes": {"SenderId": "..."}, "eventSource": "aws:sqs", ...}]}}, and the partial batch response it reads back.
 * Each message is its sender's ({@link LambdaCallers#sender}).
 * <p>
 * An event is taken for an SQS batch when its {@code Records} array holds at least one object whose
 * {@code eventSource} is {@code "aws:sqs"}; anything else is read as a logout event (which has no {@code Records}
 * member worth reading). A batch must then be well formed: every record an SQS record with a string {@code messageId},
 * unique and not blank, and a string {@code body}, and no {@code instanceKey} or {@code instanceKeys} beside the
 * records; a {@code messageId} is 1 to 100 letters, digits and hyphens (SQS's are UUIDs). Otherwise the whole
 * invocation is an {@code InvalidEventException}: there is no message id to report a failure against, so Lambda retries
 * the whole batch, and the queue's redrive policy ends it.
 */
record SqsBatch(List<Message> messages) {

    private static final String SQS = "aws:sqs";
    /**
     * Validated rather than escaped: SQS writes UUIDs, so a record with any other id is hand-made (or forged), and its
     * batch is refused whole, like a record with no id. An accepted id is then plain in every log line and goes back to
     * Lambda unchanged as its {@code itemIdentifier}. Looser than a UUID, so that SQS changing its form within these
     * bounds would not stop a queue.
     */
    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9-]{1,100}");

    /** The batch in {@code event}, if the event is one; throws {@link InvalidEventException} if it is a broken one. */
    static Optional<SqsBatch> of(byte[] event) {
        Optional<JsonNode> root = StrictJson.utf8(event).flatMap(StrictJson::tree);
        JsonNode records = root.map(r -> r.get("Records")).orElse(null);
        if (records == null || !records.isArray() || !records.valueStream().anyMatch(SqsBatch::fromSqs)) {
            return Optional.empty();
        }
        if (root.get().has("instanceKey") || root.get().has("instanceKeys")) {
            throw new InvalidEventException("it is an SQS batch with an instanceKey or instanceKeys beside its Records;"
                    + " send the logout event as a message's body");
        }
        List<Message> messages = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            if (!fromSqs(record)) {
                throw broken(i, "is not an SQS record (eventSource \"aws:sqs\")");
            }
            JsonNode id = record.get("messageId");
            if (id == null || !id.isTextual() || id.textValue().isBlank()) {
                throw broken(i, "has no messageId");
            }
            if (!MESSAGE_ID.matcher(id.textValue()).matches()) {
                throw broken(i, "has a messageId that SQS does not write (1 to 100 letters, digits and '-')");
            }
            if (!ids.add(id.textValue())) {
                throw broken(i, "repeats the messageId of an earlier record");
            }
            JsonNode body = record.get("body");
            if (body == null || !body.isTextual()) {
                throw broken(i, "has no body (a string)");
            }
            messages.add(new Message(id.textValue(), body.textValue(),
                    LambdaCallers.sender(record.path("attributes").path("SenderId").textValue())));
        }
        return Optional.of(new SqsBatch(messages));
    }

    /**
     * Lambda's partial batch response: {@code {"batchItemFailures": [{"itemIdentifier": "<messageId>"}, ...]}}, empty
     * when every message succeeded. Only the listed messages return to the queue, when the event source mapping has
     * {@code ReportBatchItemFailures}.
     */
    static String response(List<String> failedIds) {
        return CompactJson.write(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("batchItemFailures");
            for (String id : failedIds) {
                json.writeStartObject();
                json.writeStringField("itemIdentifier", id);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private static boolean fromSqs(JsonNode record) {
        return record.isObject() && SQS.equals(record.path("eventSource").textValue());
    }

    private static InvalidEventException broken(int index, String what) {
        return new InvalidEventException("it is an SQS batch whose Records[" + index + "] " + what);
    }
}
