package io.megalogout.error;

/** Builds the shared parts of the messages about an upstream answer. */
public final class UpstreamText {

    /** Upstream text quoted in a message is cut here: it is for a human, not a transcript. */
    private static final int MAX_QUOTED = 200;

    private UpstreamText() {
    }

    /**
     * @param request the request Mega-API answered when it was not the logout, e.g. {@code "status read"}; null for the
     *        logout, whose messages name no request
     */
    static String describe(String what, String instanceKey, String request, int status, String upstreamMessage) {
        String text = what + " '" + instanceKey + "' (" + (request == null ? "" : request + ", ") + "HTTP " + status;
        return upstreamMessage == null ? text + ")" : text + ": " + upstreamMessage + ")";
    }

    /**
     * Upstream text made safe to quote in a message: no control characters, one line, bounded. (The Mega-API client
     * also takes out the token first.)
     */
    public static String quoted(String text) {
        String safe = text.replaceAll("\\p{Cntrl}", " ").strip();
        return safe.length() <= MAX_QUOTED ? safe : safe.substring(0, MAX_QUOTED) + "...";
    }
}
