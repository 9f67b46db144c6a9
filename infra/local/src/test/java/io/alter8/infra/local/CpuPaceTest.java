package io.alter8.infra.local;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CpuPaceTest {

    @Test
    void aPaceIsMeasuredOverTheTimeGiven() {
        assertThat(CpuPace.megabytesPerSecond(Duration.ofMillis(100))).isPositive();
        assertThatThrownBy(() -> CpuPace.megabytesPerSecond(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
