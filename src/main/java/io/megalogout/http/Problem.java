package io.megalogout.http;

import java.net.URI;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An RFC 9457 problem: what the door answers on every failure. {@code errorType} is the Lambda door's {@code errorType}
 * for the same failure (absent for failures only HTTP has, such as a missing API key); {@code instanceKey} is present
 * when the request named a valid one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record Problem(URI type, String title, int status, String detail, String errorType, String instanceKey) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Problem types are opaque, stable identifiers (tag URIs, RFC 4151): callers match on them, nothing resolves them. */
    static URI type(String name) {
        return URI.create("tag:megalogout.io,2026:problems/" + name);
    }
}
