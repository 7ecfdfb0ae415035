package io.paperpost.digest;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpost.subscription.DigestFrequency;
import io.paperpost.subscription.Reader;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The due rule in the reader's own zone, at instants given by a fixed clock. */
class DueRuleTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    @Test
    void readersEitherSideOfTheDateLineGetTheirOwnLocalDate() {
        Reader kiritimati = reader("Pacific/Kiritimati", 7); // UTC+14
        Reader pagoPago = reader("Pacific/Pago_Pago", 7); // UTC-11
        Clock clock = at("2026-03-02T17:30:00Z");

        // 07:30 on 3 March in Kiritimati, 06:30 on 2 March in Pago Pago.
        assertThat(slice(kiritimati, clock).date()).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(due(kiritimati, clock)).isTrue();
        assertThat(due(pagoPago, clock)).isFalse();

        Clock later = at("2026-03-02T18:00:00Z");
        assertThat(slice(pagoPago, later).date()).isEqualTo(MONDAY);
        assertThat(due(pagoPago, later)).isTrue();

        kiritimati.lastDigestDate = LocalDate.of(2026, 3, 3);
        assertThat(due(kiritimati, later)).as("3 March already sent").isFalse();
        // Pago Pago's 2 March email, sent a day "after" Kiritimati's 3 March one, is still due.
        pagoPago.lastDigestDate = LocalDate.of(2026, 3, 1);
        assertThat(due(pagoPago, later)).isTrue();
    }

    @Test
    void springForwardSkipsTheHourButNotTheEmail() {
        // Berlin, 29 March 2026: 02:00 local does not exist (01:59 CET is followed by 03:00 CEST, at 01:00 UTC).
        Reader reader = reader("Europe/Berlin", 2);
        assertThat(due(reader, at("2026-03-29T00:59:00Z"))).isFalse();
        assertThat(slice(reader, at("2026-03-29T01:00:00Z")).hour()).isEqualTo(3);
        assertThat(due(reader, at("2026-03-29T01:00:00Z"))).isTrue();
    }

    @Test
    void fallBackRepeatsTheHourButNotTheEmail() {
        // Berlin, 25 October 2026: 02:00–02:59 local happens twice (CEST, then CET from 01:00 UTC).
        Reader reader = reader("Europe/Berlin", 2);
        assertThat(due(reader, at("2026-10-25T00:00:00Z"))).isTrue();
        reader.lastDigestDate = LocalDate.of(2026, 10, 25);
        assertThat(slice(reader, at("2026-10-25T01:00:00Z")).hour()).isEqualTo(2);
        assertThat(due(reader, at("2026-10-25T01:00:00Z"))).isFalse();
    }

    @Test
    void americanDstChangeDayKeepsTheLocalHour() {
        // New York, 8 March 2026: 07:00 local is 11:00 UTC (EDT) instead of 12:00 UTC the day before.
        Reader reader = reader("America/New_York", 7);
        assertThat(due(reader, at("2026-03-07T11:30:00Z"))).isFalse();
        assertThat(due(reader, at("2026-03-07T12:00:00Z"))).isTrue();
        assertThat(due(reader, at("2026-03-08T10:59:00Z"))).isFalse();
        assertThat(due(reader, at("2026-03-08T11:00:00Z"))).isTrue();
    }

    @Test
    void weeklyReadersOnTheirWeekdayAndAfterAMissedOne() {
        Reader reader = reader("UTC", 7);
        reader.frequency = DigestFrequency.WEEKLY;
        reader.weeklyDay = DayOfWeek.MONDAY;
        reader.lastDigestDate = MONDAY.minusWeeks(1);

        assertThat(due(reader, at("2026-03-02T06:59:00Z"))).isFalse();
        assertThat(due(reader, at("2026-03-02T07:00:00Z"))).isTrue();
        // Monday was missed (downtime): made up on Tuesday at the reader's hour, once.
        assertThat(due(reader, at("2026-03-03T06:00:00Z"))).isFalse();
        assertThat(due(reader, at("2026-03-03T07:15:00Z"))).isTrue();
        reader.lastDigestDate = LocalDate.of(2026, 3, 3);
        assertThat(due(reader, at("2026-03-04T07:15:00Z"))).isFalse();
        assertThat(due(reader, at("2026-03-08T23:00:00Z"))).isFalse();
        assertThat(due(reader, at("2026-03-09T07:00:00Z"))).isTrue();

        // A new weekly reader waits for their weekday.
        reader.lastDigestDate = null;
        assertThat(due(reader, at("2026-03-04T07:15:00Z"))).isFalse();
        assertThat(due(reader, at("2026-03-09T07:00:00Z"))).isTrue();
    }

    @Test
    void pausedReadersAreSkippedUntilTheDayAfterTheirPause() {
        Reader reader = reader("UTC", 7);
        reader.pausedUntil = MONDAY;
        assertThat(due(reader, at("2026-03-02T12:00:00Z"))).isFalse();
        assertThat(due(reader, at("2026-03-03T12:00:00Z"))).isTrue();

        reader.pausedUntil = null;
        reader.frequency = DigestFrequency.PAUSED;
        assertThat(due(reader, at("2026-03-03T12:00:00Z"))).isFalse();
    }

    @Test
    void aWeekdayThatFellInAPauseIsNotMadeUp() {
        Reader reader = reader("UTC", 7);
        reader.frequency = DigestFrequency.WEEKLY;
        reader.weeklyDay = DayOfWeek.MONDAY;
        reader.lastDigestDate = MONDAY.minusWeeks(1);
        reader.pausedUntil = MONDAY;
        assertThat(due(reader, at("2026-03-03T08:00:00Z"))).isFalse();
        assertThat(due(reader, at("2026-03-09T08:00:00Z"))).isTrue();
    }

    @Test
    void afterDowntimeOnlyTheCurrentLocalDateIsSentAndOnlyFromTheReadersHour() {
        Reader reader = reader("Asia/Tokyo", 8); // UTC+9
        reader.lastDigestDate = LocalDate.of(2026, 2, 27);

        // Back up at 03:00 Tokyo time on 2 March: the emails of 28 Feb and 1 March were missed. Nothing is sent
        // before 08:00, so the reader does not get a late "yesterday" email and then today's a few hours later.
        Clock early = at("2026-03-01T18:00:00Z");
        assertThat(slice(reader, early).date()).isEqualTo(MONDAY);
        assertThat(due(reader, early)).isFalse();

        // From 08:00 the 2 March email is due: one email, whose window starts after the last one sent.
        Clock morning = at("2026-03-01T23:00:00Z");
        assertThat(slice(reader, morning).date()).isEqualTo(MONDAY);
        assertThat(due(reader, morning)).isTrue();
        // Still due later in the day if the scheduler was down at 08:00 too.
        assertThat(due(reader, at("2026-03-02T14:59:00Z"))).isTrue();
    }

    @Test
    void anExplicitRunForADateIgnoresTheHourButNotTheRest() {
        Reader reader = reader("UTC", 23);
        assertThat(DueRule.isDue(reader, MONDAY, 0, true)).isTrue();
        reader.lastDigestDate = MONDAY;
        assertThat(DueRule.isDue(reader, MONDAY, 0, true)).as("already sent").isFalse();
        assertThat(DueRule.isDue(reader, MONDAY.minusDays(1), 0, true)).as("older than the last email").isFalse();
    }

    static Reader reader(String zone, int hour) {
        Reader reader = new Reader();
        reader.timeZone = zone;
        reader.deliveryHour = hour;
        return reader;
    }

    static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    private static Slice slice(Reader reader, Clock clock) {
        return Slice.at(reader.timeZone, clock.instant());
    }

    private static boolean due(Reader reader, Clock clock) {
        Slice slice = slice(reader, clock);
        return DueRule.isDue(reader, slice.date(), slice.hour(), false);
    }
}
