package io.paperpost.papers.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RequestSpacingTest {

    @Test
    void requestsStartAtLeastTheIntervalApart() throws InterruptedException {
        RequestSpacing spacing = new RequestSpacing(Duration.ofMillis(150));
        long[] starts = new long[4];
        for (int i = 0; i < starts.length; i++) {
            spacing.await();
            starts[i] = System.nanoTime();
        }
        for (int i = 1; i < starts.length; i++) {
            assertThat(Duration.ofNanos(starts[i] - starts[i - 1])).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        }
    }

    @Test
    void theFirstRequestDoesNotWait() throws InterruptedException {
        RequestSpacing spacing = new RequestSpacing(Duration.ofSeconds(30));
        long before = System.nanoTime();
        spacing.await();
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(1));
    }
}
