package io.megalogout.logout.event;

/** The event reader for tests of the use case, outside this package, where its constructors cannot be reached. */
public final class EventReaders {

    private EventReaders() {
    }

    /** A reader that takes bulks of at most {@code maxKeys} keys, as {@code bulk.max-keys} sets it. */
    public static LogoutEventReader upTo(int maxKeys) {
        return new LogoutEventReader(maxKeys);
    }
}
