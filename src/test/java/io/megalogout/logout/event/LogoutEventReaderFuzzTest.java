package io.megalogout.logout.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.megalogout.DocumentedRules;
import io.megalogout.error.InvalidEventException;
import io.megalogout.error.InvalidInstanceKeyException;
import io.megalogout.logout.InstanceKey;

/**
 * Coverage-guided fuzzing (Jazzer) of the event reader and the key rules, in process, below both doors. In
 * {@code ./mvnw verify} it only replays the inputs under {@code LogoutEventReaderFuzzTestInputs} (regression mode);
 * {@code JAZZER_FUZZ=1} fuzzes from them and adds what it finds there. It runs in a surefire execution of its own, so
 * that Jazzer's agent stays out of the JVM of the Quarkus tests.
 */
class LogoutEventReaderFuzzTest {

    /** Few, so that the fuzzer reaches the limit of a bulk's keys. */
    private static final int MAX_KEYS = 3;

    private final LogoutEventReader reader = new LogoutEventReader(MAX_KEYS);

    /**
     * Whatever the bytes: the reader answers an event or {@code InvalidEventException}, nothing else; it only reads
     * UTF-8 (the test's own RFC 3629 check); it answers one key, or a bulk of 1 to {@value #MAX_KEYS} (the limit); and
     * {@link InstanceKey} accepts exactly the keys of the documented rule.
     */
    @FuzzTest(maxDuration = "5m")
    void readsOnlyUtf8AndTheKeyRuleIsTheDocumentedOne(byte[] event) {
        LogoutEvent read;
        try {
            read = reader.read(new ByteArrayInputStream(event));
        } catch (InvalidEventException rejected) {
            return;
        }
        assertThat(DocumentedRules.isUtf8(event)).as("read an event that is not UTF-8").isTrue();
        assertThat(read.instanceKeys()).as("the keys of a read event").hasSizeBetween(1, read.bulk() ? MAX_KEYS : 1)
                .doesNotContainNull();
        read.instanceKeys().forEach(LogoutEventReaderFuzzTest::followsTheDocumentedRule);
    }

    private static void followsTheDocumentedRule(String key) {
        boolean valid = DocumentedRules.isValidKey(key);
        try {
            assertThat(new InstanceKey(key).value()).as("an accepted key, unchanged").isEqualTo(key);
            assertThat(valid).as("accepted a key outside the documented rule").isTrue();
        } catch (InvalidInstanceKeyException refused) {
            assertThat(valid).as("refused a key of the documented rule: %s", refused.getMessage()).isFalse();
        }
    }
}
