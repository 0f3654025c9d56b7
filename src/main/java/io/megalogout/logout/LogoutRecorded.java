package io.megalogout.logout;

import java.util.Optional;

import io.megalogout.error.LogoutFailure;

/**
 * Fired (as a CDI event) once for every request either door handed to the use case, when its log line is written: what
 * a door's metrics count. The Lambda door observes nothing.
 *
 * @param outcome {@code LOGGED_OUT}, {@code ANSWERED_ERROR}, or {@code FAILED}
 * @param failure the failure's type, when the outcome is {@code FAILED}; a type that is not a {@link LogoutFailure}
 *        is a defect
 */
public record LogoutRecorded(String outcome, Optional<Class<? extends RuntimeException>> failure) {

    public static final String LOGGED_OUT = "LOGGED_OUT";
    public static final String ANSWERED_ERROR = "ANSWERED_ERROR";
    public static final String FAILED = "FAILED";
}
