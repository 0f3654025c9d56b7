package io.megalogout.lambda;

/** The event as AWS sends it: {@code {"instanceKey": "<key>"}}. Other fields are ignored. */
record LogoutEvent(String instanceKey) {
}
