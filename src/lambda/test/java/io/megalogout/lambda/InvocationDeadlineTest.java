package io.megalogout.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.megalogout.logout.Deadline;

/** The logout's deadline from Lambda's remaining time, and no deadline when the context has none to give. */
class InvocationDeadlineTest {

    private static final Duration MARGIN = Duration.ofMillis(500);

    @Test
    void isTheRemainingTimeLessTheMargin() {
        Deadline deadline = InvocationDeadline.of(LambdaContext.remaining(Duration.ofSeconds(3)), MARGIN);

        assertThat(deadline.remaining()).isBetween(Duration.ofMillis(2000), Duration.ofMillis(2500));
    }

    @ParameterizedTest
    @ValueSource(longs = { 300, 0, -5_000, -900_000 })
    void hasPassedWhenLessThanTheMarginIsLeft(long remainingMs) {
        LambdaContext context = new LambdaContext("id", System.currentTimeMillis() + remainingMs);

        assertThat(InvocationDeadline.of(context, MARGIN).hasPassed()).isTrue();
    }

    /** What Quarkus' mock event server's context answers: it has no deadline and computes from 0. */
    @Test
    void isNoneWhenTheInvocationCameWithoutADeadline() {
        LambdaContext context = new LambdaContext("id", 0);

        assertThat(InvocationDeadline.of(context, MARGIN).remaining()).isGreaterThan(Duration.ofDays(300));
    }
}
