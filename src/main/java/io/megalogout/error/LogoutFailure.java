package io.megalogout.error;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Every way a logout can fail. Subclasses are final and their fully qualified names are public contract: AWS's runtime
 * client reports them as the Lambda {@code errorType}, and callers such as Step Functions match on them. Messages never
 * carry the token or an upstream body.
 * <p>
 * Each failure has two texts. {@link #getMessage()} is the caller's, on every door (the Lambda {@code errorMessage}, which
 * AWS's runtime client takes from it, the HTTP problem's {@code detail}, a bulk result's {@code errorMessage}): what
 * failed, in words a caller can act on, at most {@value #MAX_MESSAGE} characters, without addresses, host names, secret
 * ids or an exception's text. {@link #operatorDetail()} is the operator's, for the request's log line: the same, plus
 * whatever of that kind the failure has (the wire's exception, the paused host, the secret and the extension's answer).
 */
public abstract sealed class LogoutFailure extends RuntimeException
        permits InvalidEventException, InvalidInstanceKeyException, MegaApiRejectedException, UnknownInstanceException,
        MegaApiUnavailableException, MegaApiTimeoutException, MegaApiCircuitOpenException, MegaApiContractException,
        TooManyLogoutsException, MegaApiTokenUnavailableException, LogoutNotConfirmedException,
        InstanceNotConfiguredException, InstanceNotAllowedException, RateLimitedException, NotAuthenticatedException {

    /** The longest caller's text: longer ones are cut, and end in {@code ...}. */
    public static final int MAX_MESSAGE = 300;

    private final String instanceKey;
    private final Integer upstreamStatus;
    private final String operatorDetail;

    /** A failure whose message says nothing about the infrastructure: the caller's text and the operator's are one. */
    LogoutFailure(String message, String instanceKey, Integer upstreamStatus, Throwable cause) {
        this(message, message, instanceKey, upstreamStatus, cause);
    }

    /**
     * @param callerMessage what the caller is told, cut at {@value #MAX_MESSAGE} characters
     * @param operatorDetail what the log line says, in full
     */
    LogoutFailure(String callerMessage, String operatorDetail, String instanceKey, Integer upstreamStatus,
            Throwable cause) {
        super(bounded(callerMessage), cause);
        this.instanceKey = instanceKey;
        this.upstreamStatus = upstreamStatus;
        this.operatorDetail = operatorDetail;
    }

    /** The operator's text, for the log line: the caller's and what only the operator should read. Never the token. */
    public String operatorDetail() {
        return operatorDetail;
    }

    /** The instance key the failure is about, when the event carried a usable one. */
    public Optional<String> instanceKey() {
        return Optional.ofNullable(instanceKey);
    }

    /** The HTTP status Mega-API answered, when it answered at all. */
    public OptionalInt upstreamStatus() {
        return upstreamStatus == null ? OptionalInt.empty() : OptionalInt.of(upstreamStatus);
    }

    private static String bounded(String text) {
        if (text.length() <= MAX_MESSAGE) {
            return text;
        }
        int end = MAX_MESSAGE - 3;
        return text.substring(0, Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end) + "...";
    }
}
