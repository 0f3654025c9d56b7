package io.megalogout.logout;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;

/** CDI's event, as {@link RequestLog} uses it, outside CDI: keeps what is fired, in order. */
final class RecordingEvent implements Event<LogoutRecorded> {

    private final List<LogoutRecorded> fired = new CopyOnWriteArrayList<>();

    List<LogoutRecorded> fired() {
        return List.copyOf(fired);
    }

    @Override
    public void fire(LogoutRecorded event) {
        fired.add(event);
    }

    @Override
    public <U extends LogoutRecorded> CompletionStage<U> fireAsync(U event) {
        throw new UnsupportedOperationException("RequestLog fires synchronously");
    }

    @Override
    public <U extends LogoutRecorded> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
        throw new UnsupportedOperationException("RequestLog fires synchronously");
    }

    @Override
    public Event<LogoutRecorded> select(Annotation... qualifiers) {
        throw new UnsupportedOperationException("RequestLog fires unqualified events");
    }

    @Override
    public <U extends LogoutRecorded> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException("RequestLog fires unqualified events");
    }

    @Override
    public <U extends LogoutRecorded> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException("RequestLog fires unqualified events");
    }
}
