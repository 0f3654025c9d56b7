package io.megalogout.megaapi.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.megalogout.logout.Deadline;
import io.megalogout.logout.Ticker;

/**
 * How fresh the instances source's copy is kept, on a clock of the test's own: a key added is served after at most one
 * recheck, a moved or removed entry after the copy's age, a failed read keeps the copy but sends no unlisted key
 * anywhere, and unknown keys cannot flood the source. Then the file source itself.
 */
class InstancesSourceTest {

    /** The defaults: a recheck every 5 s, a copy trusted 5 minutes. */
    static final InstancesFreshness FRESHNESS = new InstancesFreshness(Duration.ofSeconds(5),
            Duration.ofMinutes(5), Ticker.SYSTEM);

    private static final String TOKEN = "instance-token-0001";

    private final Clock clock = new Clock();
    private final Source source = new Source();
    private final InstancesSource instances = new InstancesSource(Optional.of(source), false,
            new InstancesFreshness(Duration.ofSeconds(5), Duration.ofMinutes(5), clock));

    @TempDir
    Path dir;

    @Test
    void servesAKeyAddedSinceAtTheNextRecheck() {
        source.json = "{}";
        assertThat(instances.entry("cust-2", deadline())).isEmpty();
        source.json = entry("cust-2", "https://two.example");

        assertThat(instances.entry("cust-2", deadline())).as("within the recheck: the copy").isEmpty();
        clock.advance(Duration.ofSeconds(5));
        assertThat(instances.entry("cust-2", deadline()).flatMap(InstanceSettings::baseUrl))
                .hasValue("https://two.example");
        assertThat(source.reads).isEqualTo(2);
    }

    @Test
    void takesAMovedOrRemovedEntryOnceTheCopyIsOld() {
        source.json = entry("cust-1", "https://one.example");
        instances.entry("cust-1", deadline());
        source.json = entry("cust-1", "https://moved.example");

        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(instances.entry("cust-1", deadline()).flatMap(InstanceSettings::baseUrl))
                .hasValue("https://one.example");
        clock.advance(Duration.ofSeconds(1));
        assertThat(instances.entry("cust-1", deadline()).flatMap(InstanceSettings::baseUrl))
                .hasValue("https://moved.example");
        source.json = "{}";
        clock.advance(Duration.ofMinutes(5));
        assertThat(instances.entry("cust-1", deadline())).as("removed").isEmpty();
        assertThat(source.reads).isEqualTo(3);
    }

    @Test
    void keepsTheCopyWhenAReadFailsButSendsNoUnlistedKeyAnywhere() {
        source.json = entry("cust-1", "https://one.example");
        instances.entry("cust-1", deadline());
        source.json = null;
        clock.advance(Duration.ofMinutes(5));

        assertThat(instances.entry("cust-1", deadline()).flatMap(InstanceSettings::baseUrl))
                .hasValue("https://one.example");
        assertThatThrownBy(() -> instances.entry("cust-2", deadline())).isInstanceOf(TokenReadException.class)
                .hasMessageContaining("could not be read when last tried").hasMessageContaining("'cust-2'");
        source.json = entry("cust-2", "https://two.example");
        clock.advance(Duration.ofSeconds(5));
        assertThat(instances.entry("cust-2", deadline())).isPresent();
    }

    @Test
    void readsAtMostOncePerRecheckHoweverManyUnknownKeysAsk() {
        source.json = "{}";
        for (int i = 0; i < 100; i++) {
            instances.entry("unknown-" + i, deadline());
        }
        clock.advance(Duration.ofSeconds(5));
        for (int i = 0; i < 100; i++) {
            instances.entry("unknown-" + i, deadline());
        }

        assertThat(source.reads).isEqualTo(2);
    }

    @Test
    void readsTheFileAsItIsNowAndNoFileAsNoInstances() throws IOException {
        Path file = dir.resolve("instances.json");
        InstancesFile reader = new InstancesFile(file);

        assertThat(reader.read(deadline())).isEqualTo("{}");
        Files.writeString(file, entry("cust-1", "https://one.example"));
        assertThat(reader.read(deadline())).contains("cust-1");
        Files.write(file, new byte[] { '{', (byte) 0xC3, '}' });
        assertThatThrownBy(() -> reader.read(deadline())).isInstanceOf(TokenReadException.class)
                .hasMessage("file '" + file + "' is not UTF-8");
        Files.write(file, new byte[InstancesFile.MAX_BYTES + 1]);
        assertThatThrownBy(() -> reader.read(deadline())).isInstanceOf(TokenReadException.class)
                .hasMessageContaining("is larger than");
    }

    private static String entry(String key, String baseUrl) {
        return "{\"" + key + "\": {\"token\": \"" + TOKEN + "\", \"base-url\": \"" + baseUrl + "\"}}";
    }

    private static Deadline deadline() {
        return Deadline.after(Duration.ofSeconds(5));
    }

    /** A source whose JSON the test sets; null: unreadable. */
    private static final class Source implements InstancesReader {

        String json;
        int reads;

        @Override
        public String name() {
            return "file 'test'";
        }

        @Override
        public String read(Deadline deadline) {
            reads++;
            if (json == null) {
                throw new TokenReadException(name() + " cannot be read");
            }
            return json;
        }
    }

    private static final class Clock implements Ticker {

        private long nanos = 1_000_000_000L;

        void advance(Duration duration) {
            nanos += duration.toNanos();
        }

        @Override
        public long nanoTime() {
            return nanos;
        }

        @Override
        public void sleep(Duration wait) {
            advance(wait);
        }
    }
}
