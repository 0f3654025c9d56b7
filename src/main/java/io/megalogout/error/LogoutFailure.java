package io.megalogout.error;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Every way a logout can fail. Subclasses are final and their fully qualified names are public contract: AWS's runtime
 * client reports them as the Lambda {@code errorType}, and callers such as Step Functions match on them. Messages never
 * carry the token or an upstream body.
 */
public abstract sealed class LogoutFailure extends RuntimeException
        permits InvalidEventException, InvalidInstanceKeyException, MegaApiRejectedException, UnknownInstanceException,
        MegaApiUnavailableException, MegaApiTimeoutException, MegaApiCircuitOpenException, MegaApiContractException,
        TooManyLogoutsException, MegaApiTokenUnavailableException, LogoutNotConfirmedException,
        InstanceNotConfiguredException, InstanceNotAllowedException, RateLimitedException, NotAuthenticatedException {

    private final String instanceKey;
    private final Integer upstreamStatus;

    LogoutFailure(String message, String instanceKey, Integer upstreamStatus, Throwable cause) {
        super(message, cause);
        this.instanceKey = instanceKey;
        this.upstreamStatus = upstreamStatus;
    }

    /** The instance key the failure is about, when the event carried a usable one. */
    public Optional<String> instanceKey() {
        return Optional.ofNullable(instanceKey);
    }

    /** The HTTP status Mega-API answered, when it answered at all. */
    public OptionalInt upstreamStatus() {
        return upstreamStatus == null ? OptionalInt.empty() : OptionalInt.of(upstreamStatus);
    }
}
