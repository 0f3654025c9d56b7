package io.megalogout.http;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.megalogout.logout.LogoutRecorded;
import io.megalogout.logout.event.Mode;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;

/**
 * Names the caller and the outcome on the request's server span, from the request's line ({@link LogoutRecorded}), as
 * {@link LogoutMetrics} counts them: {@code megalogout.caller}, {@code megalogout.outcome}, {@code megalogout.mode} and,
 * for a failure, {@code megalogout.error_type}. Never a key, a token or anything Mega-API answered. A bulk's keys each
 * have a line; its span carries the last one's.
 */
@Singleton
class RequestSpans {

    static final AttributeKey<String> CALLER = AttributeKey.stringKey("megalogout.caller");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("megalogout.outcome");
    static final AttributeKey<String> MODE = AttributeKey.stringKey("megalogout.mode");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("megalogout.error_type");

    void tag(@Observes LogoutRecorded recorded) {
        Span span = Span.current();
        span.setAttribute(CALLER, recorded.caller());
        span.setAttribute(OUTCOME, recorded.outcome());
        span.setAttribute(MODE, recorded.mode().map(Mode::label).orElse("none"));
        recorded.failure().ifPresent(failure -> span.setAttribute(ERROR_TYPE, failure.getSimpleName()));
    }
}
