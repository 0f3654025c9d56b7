package io.megalogout.lambda.packaged;

import java.nio.charset.StandardCharsets;

import io.megalogout.lambda.packaged.EventModel.Json;
import io.megalogout.lambda.packaged.EventOracle.Expected;

/** One generated event: what it is (for the report), the bytes sent, and what the function must do with them. */
record FuzzCase(String detail, byte[] event, Expected expected) {

    /** A model event: the document written as UTF-8, and the outcome the oracle computes from the model. */
    static FuzzCase of(String detail, Json root, String ws) {
        return new FuzzCase(detail, EventModel.write(root, ws).getBytes(StandardCharsets.UTF_8),
                EventOracle.expectedFor(root));
    }

    /** An event written as text (sent as UTF-8), with what the function must do with it. */
    static FuzzCase of(String detail, String event, Expected expected) {
        return new FuzzCase(detail, event.getBytes(StandardCharsets.UTF_8), expected);
    }
}
