package io.paperpost.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperpost.site.InvalidInputException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AdminDatesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    @Test
    void aRunDateWithinTheWindowEitherSideOfTodayIsAccepted() {
        assertThat(AdminDates.parseNear("date", "2026-11-26", TODAY, 7)).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(AdminDates.parseNear("date", " 2026-12-10 ", TODAY, 7)).isEqualTo(LocalDate.of(2026, 12, 10));
    }

    @Test
    void aRunDateOneDayBeyondTheWindowIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> AdminDates.parseNear("date", "2026-12-11", TODAY, 7))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("within 7 days of today (2026-12-03)")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("date");
        assertThatThrownBy(() -> AdminDates.parseNear("date", "2026-11-25", TODAY, 7))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void somethingThatIsNotADateIsRefusedWithAnExample() {
        assertThatThrownBy(() -> AdminDates.parseNear("date", "tomorrow", TODAY, 7))
                .hasMessageContaining("a date like");
    }
}
