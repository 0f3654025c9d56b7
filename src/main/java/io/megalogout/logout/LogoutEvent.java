package io.megalogout.logout;

/**
 * What a caller sends to either door: {@code {"instanceKey": "<key>"}} (the Lambda event, and the HTTP door's request
 * body). Other fields are ignored.
 */
record LogoutEvent(String instanceKey) {
}
