package io.megalogout.error;

/** The operator's text of a failure on the wire: the caller's, then what the wire said, which only the log line shows. */
final class Wire {

    private Wire() {
    }

    static String detail(String callerText, String wire) {
        return wire == null ? callerText : callerText + " [" + wire + "]";
    }
}
