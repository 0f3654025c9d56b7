package io.megalogout.logout;

/**
 * What a caller sends to either door (the Lambda event, and the HTTP door's request body): {@code {"instanceKey":
 * "<key>"}}, optionally with {@code "dryRun": true} or {@code "confirm": true}. Other fields are ignored.
 */
record LogoutEvent(String instanceKey, Mode mode) {
}
