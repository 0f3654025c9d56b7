package io.megalogout.error;

/** Builds the shared part of the messages about an upstream answer. */
final class UpstreamText {

    private UpstreamText() {
    }

    static String describe(String what, String instanceKey, int status, String upstreamMessage) {
        String text = what + " '" + instanceKey + "' (HTTP " + status;
        return upstreamMessage == null ? text + ")" : text + ": " + upstreamMessage + ")";
    }
}
