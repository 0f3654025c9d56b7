package io.megalogout.logout;

import io.megalogout.logout.event.Mode;

/** A request the use case can run: a valid key, and what the event asked for. */
record LogoutRequest(InstanceKey key, Mode mode) {
}
