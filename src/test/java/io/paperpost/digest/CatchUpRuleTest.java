package io.paperpost.digest;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpost.subscription.DigestFrequency;
import io.paperpost.subscription.Reader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CatchUpRuleTest {

    static final LocalDate LAST = LocalDate.of(2026, 3, 1);

    private static Reader reader(DigestFrequency frequency, LocalDate last, Long through) {
        Reader reader = new Reader();
        reader.frequency = frequency;
        reader.lastDigestDate = last;
        reader.papersThrough = through;
        return reader;
    }

    @Test
    void aDailyReaderWhoMissedMoreThanSevenDaysIsBackFromAPause() {
        // Last email on the 1st, nothing from the 2nd to the 9th (eight days), back on the 10th.
        assertThat(CatchUpRule.awaySince(reader(DigestFrequency.DAILY, LAST, 5L), LAST.plusDays(9), 7))
                .isEqualTo(LAST);
    }

    @Test
    void exactlyAWeekAwayIsNotACatchUp() {
        assertThat(CatchUpRule.awaySince(reader(DigestFrequency.DAILY, LAST, 5L), LAST.plusDays(8), 7)).isNull();
        assertThat(CatchUpRule.awaySince(reader(DigestFrequency.DAILY, LAST, 5L), LAST.plusDays(1), 7)).isNull();
    }

    @Test
    void aWeeklyReadersOwnWeekDoesNotCount() {
        assertThat(CatchUpRule.awaySince(reader(DigestFrequency.WEEKLY, LAST, 5L), LAST.plusDays(14), 7)).isNull();
        assertThat(CatchUpRule.awaySince(reader(DigestFrequency.WEEKLY, LAST, 5L), LAST.plusDays(15), 7))
                .isEqualTo(LAST);
    }

    @Test
    void aFirstEmailIsNeverACatchUp() {
        assertThat(CatchUpRule.awaySince(reader(DigestFrequency.DAILY, null, null), LAST.plusDays(30), 7)).isNull();
    }
}
