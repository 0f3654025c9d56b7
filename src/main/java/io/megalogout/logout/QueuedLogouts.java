package io.megalogout.logout;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.megalogout.error.InvalidEventException;
import io.megalogout.logout.event.LogoutEvent;
import io.megalogout.logout.event.LogoutEventReader;

/**
 * A batch of queued messages (SQS), each body a logout event, one key or a bulk: every key of every message runs as one
 * request ({@link BulkLogout}: {@code bulk.concurrency} at once, in message order, one deadline for the batch, its own
 * log line), and the batch answers which messages failed, so that only those return to the queue.
 * <p>
 * A message fails when its body is not a valid event (its line, at WARN, names the message), or when any of its keys
 * ended in a failure, a key whose turn came after the deadline included (nothing was sent for it). A retry could not do
 * better than an answer, so Mega-API's {@code "error": true} answer is not a failure, nor is a dry run's or a
 * confirmed logout's answer; an unconfirmed logout is ({@code LogoutNotConfirmedException}): its retry reads the status
 * first, and sends no second logout to an instance that is disconnected by then.
 */
@ApplicationScoped
public class QueuedLogouts {

    private final LogoutEventReader events;
    private final BulkLogout bulk;
    private final RequestLog log;

    QueuedLogouts(LogoutEventReader events, BulkLogout bulk, RequestLog log) {
        this.events = events;
        this.bulk = bulk;
        this.log = log;
    }

    /**
     * A message as the queue delivered it: its id, its body, which should be a logout event, and who sent it (every key
     * of the message is that caller's).
     */
    public record Message(String id, String body, Caller sender) {
    }

    /** The messages of one batch, each with the jobs it made (none when its body could not be read). */
    private record Read(String id, int firstJob, int jobs, boolean readable) {
    }

    /**
     * Runs every message's requests, all answered before {@code deadline}, and returns the ids of the messages that
     * failed, in the batch's order.
     */
    public List<String> failed(String requestId, List<Message> messages, Deadline deadline) {
        List<BulkLogout.Job> jobs = new ArrayList<>();
        List<Read> reads = new ArrayList<>(messages.size());
        for (Message message : messages) {
            Origin origin = Origin.of(requestId, message.sender()).message(message.id());
            try {
                LogoutEvent event = log.read(origin, () -> events.read(new ByteArrayInputStream(utf8(message.body()))));
                List<BulkLogout.Job> made = BulkLogout.jobs(origin, event);
                reads.add(new Read(message.id(), jobs.size(), made.size(), true));
                jobs.addAll(made);
            } catch (RuntimeException unreadable) {
                // Its line is written: at WARN with the message's id, or at ERROR for a defect. The others go on.
                reads.add(new Read(message.id(), jobs.size(), 0, false));
            }
        }
        List<KeyResult> results = bulk.run(jobs, deadline);
        return reads.stream()
                .filter(read -> !read.readable() || results.subList(read.firstJob(), read.firstJob() + read.jobs())
                        .stream().anyMatch(KeyResult::failed))
                .map(Read::id).toList();
    }

    /**
     * The body as the UTF-8 bytes the event reader reads. A body is text that came as a JSON string, which can hold an
     * unpaired surrogate (written as an escape); that is no UTF-8, and it is refused rather than replaced with a
     * {@code ?} that a lenient encoder would put there.
     */
    private static byte[] utf8(String body) {
        try {
            ByteBuffer bytes = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(body));
            byte[] array = new byte[bytes.remaining()];
            bytes.get(array);
            return array;
        } catch (CharacterCodingException e) {
            throw new InvalidEventException("the message body is not valid UTF-8 (an unpaired surrogate)");
        }
    }
}
