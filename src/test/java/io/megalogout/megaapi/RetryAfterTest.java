package io.megalogout.megaapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Both forms of Retry-After (RFC 9110 10.2.3), and everything that is not one. */
class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @ParameterizedTest
    @CsvSource({ "0, 0", "1, 1", "' 30 ', 30", "'Wed, 25 Nov 2026 10:00:05 GMT', 5", "'Wed, 25 Nov 2026 09:59:00 GMT', 0" })
    void readsSecondsAndHttpDates(String header, long seconds) {
        assertThat(RetryAfter.parse(header, NOW)).contains(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "soon", "-1", "1.5", "9999999999", "2026-11-25T10:00:05Z", "1, 2" })
    void ignoresAnythingElse(String header) {
        assertThat(RetryAfter.parse(header, NOW)).isEmpty();
    }
}
