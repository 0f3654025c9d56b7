package io.megalogout.error;

/**
 * A confirmed logout ({@code "confirm": true}) was sent and answered, but the instance's status did not read
 * {@code "disconnected"} before the deadline (or, after a logout answered {@code "error": true}, at the one read that
 * followed). The logout may or may not have taken effect. The message gives Mega-API's answer to the logout, how many
 * status reads were made, and what the last one showed.
 */
public final class LogoutNotConfirmedException extends LogoutFailure {

    /**
     * @param logoutStatus the HTTP status of Mega-API's answer to the logout
     * @param statusReads the status reads made for this request, the one before the logout included
     * @param lastStatus what the last read after the logout showed as {@code instance.status}, if it showed one
     * @param lastFailure how the last read after the logout failed, if it did; neither means no read after the logout
     *        had time to start
     */
    public LogoutNotConfirmedException(String instanceKey, int logoutStatus, boolean logoutError, String logoutMessage,
            int statusReads, String lastStatus, LogoutFailure lastFailure) {
        super(text(instanceKey, logoutStatus, logoutError, logoutMessage, statusReads,
                last(lastStatus, lastFailure == null ? null : lastFailure.getMessage(), lastFailure)),
                text(instanceKey, logoutStatus, logoutError, logoutMessage, statusReads,
                        last(lastStatus, lastFailure == null ? null : lastFailure.operatorDetail(), lastFailure)),
                instanceKey, logoutStatus, lastFailure);
    }

    private static String text(String instanceKey, int logoutStatus, boolean logoutError, String logoutMessage,
            int statusReads, String last) {
        return "Mega-API answered the logout of instance '" + instanceKey + "' (HTTP " + logoutStatus + ", \"error\": "
                + logoutError + ": " + UpstreamText.quoted(logoutMessage) + "), but its status did not read"
                + " \"disconnected\" " + (logoutError ? "after it" : "before the deadline") + ": " + statusReads
                + (statusReads == 1 ? " status read" : " status reads") + " in all; " + last;
    }

    /** @param failed the last read's failure, in the words of the text being built (the caller's or the operator's) */
    private static String last(String lastStatus, String failed, LogoutFailure lastFailure) {
        if (lastFailure != null) {
            return "the last failed: " + lastFailure.getClass().getSimpleName() + ": " + failed;
        }
        if (lastStatus != null) {
            return "the last showed \"" + UpstreamText.quoted(lastStatus) + "\"";
        }
        return "no time was left for a read after the logout";
    }
}
