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

    @Test
    void hasPassedWhenLessThanTheMarginIsLeft() {
        assertThat(InvocationDeadline.of(LambdaContext.remaining(Duration.ofMillis(300)), MARGIN).hasPassed()).isTrue();
    }

    /** Quarkus' mock event server sends no deadline; its context then computes these from 0. */
    @ParameterizedTest
    @ValueSource(longs = { -1_764_064_800_000L, 0, 900_001, 1_400_084_021 })
    void isNoneWhenTheRemainingTimeCannotBeReal(long remainingMs) {
        LambdaContext context = new LambdaContext("id", System.currentTimeMillis() + remainingMs);

        assertThat(InvocationDeadline.of(context, MARGIN).remaining()).isGreaterThan(Duration.ofDays(300));
    }
}
