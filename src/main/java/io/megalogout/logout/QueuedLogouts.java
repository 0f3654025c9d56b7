package io.megalogout.logout;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;

import io.megalogout.error.InvalidEventException;
import io.megalogout.logout.event.LogoutEvent;
import io.megalogout.logout.event.LogoutEventReader;

/**
 * A batch of queued messages (SQS), each body a logout event, one key or a bulk: every key of every message runs as one
 * request ({@link BulkLogout}: {@code bulk.concurrency} at once, started round-robin across the messages, one deadline
 * for the batch, its own log line), and the batch answers which messages failed, so that only those return to the
 * queue.
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

    /**
     * Runs every message's requests, all answered before {@code deadline}, and returns the ids of the messages that
     * failed, in the batch's order.
     */
    public List<String> failed(String requestId, List<Message> messages, Deadline deadline) {
        List<List<BulkLogout.Job>> made = new ArrayList<>(messages.size());
        boolean[] failed = new boolean[messages.size()];
        for (int m = 0; m < messages.size(); m++) {
            Message message = messages.get(m);
            Origin origin = Origin.of(requestId, message.sender()).message(message.id());
            try {
                LogoutEvent event = log.read(origin, () -> events.read(new ByteArrayInputStream(utf8(message.body()))));
                made.add(BulkLogout.jobs(origin, event));
            } catch (RuntimeException unreadable) {
                // Its line is written: at WARN with the message's id, or at ERROR for a defect. The others go on.
                made.add(List.of());
                failed[m] = true;
            }
        }
        List<Turn> turns = roundRobin(made);
        List<KeyResult> results = bulk.run(turns.stream().map(Turn::job).toList(), deadline);
        for (int t = 0; t < turns.size(); t++) {
            failed[turns.get(t).message()] |= results.get(t).failed();
        }
        return IntStream.range(0, messages.size()).filter(m -> failed[m]).mapToObj(m -> messages.get(m).id()).toList();
    }

    /** A job, and the index in the batch of the message that made it. */
    private record Turn(int message, BulkLogout.Job job) {
    }

    /**
     * Each message's first job, then each message's second, and so on. Why: the jobs start in this order
     * ({@link Turns}), so a message of many slow keys cannot leave the messages after it without a turn until the
     * deadline, back to the queue time after time and into the dead-letter queue untried; every message starts before
     * any message's second key.
     */
    private static List<Turn> roundRobin(List<List<BulkLogout.Job>> made) {
        List<Turn> turns = new ArrayList<>();
        int rounds = made.stream().mapToInt(List::size).max().orElse(0);
        for (int round = 0; round < rounds; round++) {
            for (int m = 0; m < made.size(); m++) {
                if (round < made.get(m).size()) {
                    turns.add(new Turn(m, made.get(m).get(round)));
                }
            }
        }
        return turns;
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
