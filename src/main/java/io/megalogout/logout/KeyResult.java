package io.megalogout.logout;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

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
     * {@code {"instanceKey": "a", "logout": <the answer, as a single request would give it>}} (the field name, whatever
     * the mode) or {@code {"instanceKey":
     * "b", "errorType": "<class>", "errorMessage": "..."}}, the two fields a Lambda error has. A defect's message could
     * hold anything, so it is not passed on; its log line has the class.
     */
    String json() {
        String key = "{\"instanceKey\":" + quoted(instanceKey);
        if (!failed()) {
            return key + ",\"logout\":" + answer.json() + "}";
        }
        String message = failure instanceof LogoutFailure ours ? ours.getMessage()
                : "an unexpected failure (a defect); its log line names it";
        return key + ",\"errorType\":" + quoted(failure.getClass().getName()) + ",\"errorMessage\":" + quoted(message)
                + "}";
    }

    private static String quoted(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }
}
