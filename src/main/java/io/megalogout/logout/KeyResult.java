package io.megalogout.logout;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;

import io.megalogout.error.LogoutFailure;

/**
 * What one key of a bulk or batch ended in: its answer (what a single request in its mode answers), or its failure.
 *
 * @param instanceKey the key as the event wrote it (an invalid one too)
 * @param answer null when it failed
 * @param failure null when it was answered; a type that is not a {@link LogoutFailure} is a defect
 */
record KeyResult(String instanceKey, LogoutResult answer, RuntimeException failure) {

    static KeyResult answered(String instanceKey, LogoutResult answer) {
        return new KeyResult(instanceKey, answer, null);
    }

    static KeyResult failed(String instanceKey, RuntimeException failure) {
        return new KeyResult(instanceKey, null, failure);
    }

    boolean failed() {
        return failure != null;
    }

    /**
     * Writes {@code {"instanceKey": "a", "logout": <the answer, as a single request would give it>}} or
     * {@code {"instanceKey": "b", "errorType": "<class>", "errorMessage": "..."}}, the two fields a Lambda error has. The
     * answer's field is {@code logout} in every mode, a dry run's answer included: it is the documented bulk format's
     * name, which callers read, so it stays. A defect's message could hold anything, so it is not passed on; its log
     * line has the class.
     */
    void writeTo(JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("instanceKey", instanceKey);
        if (failed()) {
            json.writeStringField("errorType", failure.getClass().getName());
            json.writeStringField("errorMessage", failure instanceof LogoutFailure ours ? ours.getMessage()
                    : "an unexpected failure (a defect); its log line names it");
        } else {
            json.writeFieldName("logout");
            json.writeRawValue(answer.json());
        }
        json.writeEndObject();
    }
}
