package io.megalogout.logout;

import java.util.Optional;

import io.megalogout.error.LogoutFailure;
import io.megalogout.logout.event.Mode;

/**
 * Fired (as a CDI event) once for every request either door handed to the use case, when its log line is written: what
 * a door's metrics count. The Lambda door observes nothing.
 *
 * @param caller who asked ({@link Caller#name()}), or {@code -} when the door could not tell
 * @param outcome {@code LOGGED_OUT}, {@code ANSWERED_ERROR}, {@code DRY_RUN}, {@code ALREADY_DISCONNECTED}, or
 *        {@code FAILED}
 * @param mode what the event asked for; empty when it could not be read
 * @param failure the failure's type, when the outcome is {@code FAILED}; a type that is not a {@link LogoutFailure}
 *        is a defect
 */
public record LogoutRecorded(String caller, String outcome, Optional<Mode> mode,
        Optional<Class<? extends RuntimeException>> failure) {

    /** Mega-API answered the logout with {@code "error": false} (and, when confirmed, the status read disconnected). */
    public static final String LOGGED_OUT = "LOGGED_OUT";
    /** Mega-API answered a plain logout with {@code "error": true}. */
    public static final String ANSWERED_ERROR = "ANSWERED_ERROR";
    /** A dry run read the status; nothing was logged out. */
    public static final String DRY_RUN = "DRY_RUN";
    /**
     * A confirmed logout found the instance disconnected: before the logout (none was sent), or after one answered
     * {@code "error": true}.
     */
    public static final String ALREADY_DISCONNECTED = "ALREADY_DISCONNECTED";
    public static final String FAILED = "FAILED";
    /** The caller of a request that was refused before the door could tell who asked. */
    public static final String NOBODY = "-";
}
