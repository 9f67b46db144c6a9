package io.alter8.infra.local;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectionLagTest {

    @Test
    void eachCommandWaitsForTheFirstSampleAfterItsAnswerThatHasItsPosition() {
        long[] sampleAt = {100, 200, 300, 400};
        long[] samplePosition = {5, 7, 7, 12};
        long[] answeredAt = {150, 150, 210, 390};
        long[] positions = {6, 7, 10, 12};

        long[] lags = ProjectionLag.lags(answeredAt, positions, sampleAt, samplePosition);

        // Position 6 was reached at 200, though the sample at 100 (before the answer) was lower.
        assertThat(lags).containsExactly(50, 50, 190, 10);
    }

    @Test
    void aPositionSeenBeforeTheAnswerIsALagOfZero() {
        // A stream pushes a position once, when it moves: the read model had it before the answer was in.
        long[] lags = ProjectionLag.lags(new long[] {250}, new long[] {3}, new long[] {200, 260},
                                         new long[] {9, 9});

        assertThat(lags).containsExactly(0);
    }

    @Test
    void aPositionNeverSeenAndACommandWithoutPositionHaveNoLag() {
        long[] lags = ProjectionLag.lags(new long[] {10, 10}, new long[] {99, -1}, new long[] {20, 30},
                                         new long[] {4, 5});

        assertThat(lags).containsExactly(-1, -1);
    }

    @Test
    void aLowerSampleLaterDoesNotUnseeAPositionAlreadyReached() {
        long[] lags = ProjectionLag.lags(new long[] {0, 250}, new long[] {8, 8}, new long[] {100, 200, 300},
                                         new long[] {8, 3, 3});

        // Reached at 100 and written for good: the command answered at 250 had its position at once.
        assertThat(lags).containsExactly(100, 0);
    }

    @Test
    void aSamplerRecordsWhatItsFeedAnswersUntilClosed() throws InterruptedException {
        ProjectionLag lag = new ProjectionLag();
        long[] next = {0};
        try (ProjectionLag.Sampler sampler = lag.start(ProjectionLag.polling(() -> next[0]++, 1))) {
            assertThat(sampler.awaitReached(3, System.nanoTime() + 5_000_000_000L)).isTrue();
        }
        long afterwards = System.nanoTime();

        assertThat(lag.samples()).isGreaterThanOrEqualTo(4);
        // Every sample came before this "answer": position 2 was there already.
        assertThat(lag.lags(new long[] {afterwards}, new long[] {2})).containsExactly(0);
    }

    @Test
    void samplesRecordedGrowBeyondTheFirstArray() {
        ProjectionLag lag = new ProjectionLag();
        for (int i = 0; i < 5_000; i++) {
            lag.sample(i * 10L, i);
        }

        assertThat(lag.samples()).isEqualTo(5_000);
        assertThat(lag.lags(new long[] {15}, new long[] {4_000})).containsExactly(40_000 - 15);
    }
}
