package io.paperpost.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy defaults = new RetryPolicy(Duration.ofMinutes(5), Duration.ofHours(2), 6);

    @Test
    void theWaitDoublesAfterEachFailedAttemptUpToTheCap() {
        assertThat(defaults.backoff(1)).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.backoff(2)).isEqualTo(Duration.ofMinutes(10));
        assertThat(defaults.backoff(5)).isEqualTo(Duration.ofMinutes(80));
        assertThat(defaults.backoff(6)).isEqualTo(Duration.ofHours(2));
        assertThat(defaults.backoff(40)).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void anEmailGetsAnotherAttemptUntilTheLastOneFailed() {
        assertThat(defaults.triesAgainAfter(1)).isTrue();
        assertThat(defaults.triesAgainAfter(5)).isTrue();
        assertThat(defaults.triesAgainAfter(6)).isFalse();
        assertThat(new RetryPolicy(Duration.ofMinutes(5), Duration.ofHours(2), 0).triesAgainAfter(1)).isFalse();
    }

    @Test
    void theLongestDeliveryIsTheSumOfTheWaitsBetweenAllAttempts() {
        // 5 + 10 + 20 + 40 + 80 minutes between the six attempts.
        assertThat(defaults.longestDelivery()).isEqualTo(Duration.ofMinutes(155));
        assertThat(new RetryPolicy(Duration.ofMinutes(5), Duration.ofHours(2), 1).longestDelivery()).isZero();
    }

    @Test
    void aDeferralIsRetriedAfterTheBackoffUntilTheLastAttemptAndARefusalIsFinal() {
        Instant now = Instant.parse("2026-03-02T06:00:00Z");
        MailSendException deferred = new MailSendException("421", MailSendException.Kind.TEMPORARY, null);
        assertThat(defaults.after(deferred, 2, now))
                .isEqualTo(new RetryPolicy.Next(RetryPolicy.Verdict.RETRY, now.plus(Duration.ofMinutes(10))));
        assertThat(defaults.after(deferred, 6, now)).isEqualTo(new RetryPolicy.Next(RetryPolicy.Verdict.GIVE_UP, null));
        assertThat(defaults.after(new MailSendException("550", MailSendException.Kind.RECIPIENT_REJECTED, null), 1,
                now)).isEqualTo(new RetryPolicy.Next(RetryPolicy.Verdict.BOUNCE, null));
        assertThat(defaults.after(new MailSendException("554", MailSendException.Kind.MESSAGE_REJECTED, null), 1,
                now)).isEqualTo(new RetryPolicy.Next(RetryPolicy.Verdict.GIVE_UP, null));
    }
}
