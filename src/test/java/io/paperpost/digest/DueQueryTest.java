package io.paperpost.digest;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpost.TestData;
import io.paperpost.subscription.DigestFrequency;
import io.paperpost.subscription.Reader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The database query for due readers selects exactly the readers {@link DueRule#isDue} says are due. */
@QuarkusTest
class DueQueryTest {

    static final LocalDate WEDNESDAY = LocalDate.of(2026, 3, 4);

    @Inject
    TestData data;
    @Inject
    DigestInputs inputs;

    @BeforeEach
    void setUp() {
        data.reset();
    }

    @Test
    void queryAndRuleAgreeOnEveryMixOfSchedule() {
        Random random = new Random(7);
        List<Reader> readers = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 400; i++) {
                Reader reader = TestReaders.active("r" + i + "@example.org", "UTC", random.nextInt(24));
                reader.frequency = DigestFrequency.values()[random.nextInt(DigestFrequency.values().length)];
                reader.weeklyDay = DayOfWeek.of(1 + random.nextInt(7));
                reader.lastDigestDate = random.nextInt(5) == 0 ? null : WEDNESDAY.minusDays(random.nextInt(12) - 1);
                reader.pausedUntil = random.nextInt(3) == 0 ? WEDNESDAY.minusDays(random.nextInt(10) - 2) : null;
                reader.persist();
                readers.add(reader);
            }
        });

        for (int offset = 0; offset < 7; offset++) {
            LocalDate date = WEDNESDAY.plusDays(offset);
            for (int hour : new int[]{0, 7, 12, 23}) {
                for (boolean ignoreHour : new boolean[]{false, true}) {
                    Slice slice = new Slice("UTC", date, hour, ignoreHour);
                    List<Long> expected = readers.stream()
                            .filter(r -> DueRule.isDue(r, date, hour, ignoreHour)).map(r -> r.id).toList();
                    List<Long> selected = inputs.dueReaders(slice, 0, Long.MAX_VALUE, 1000).stream().map(r -> r.id)
                            .toList();
                    assertThat(selected).as("%s %d:00 ignoreHour=%s", date, hour, ignoreHour).isEqualTo(expected);
                    assertThat(inputs.dueReaderIds(slice, 0, 1000)).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void pagesFollowOnAfterTheLastIdWithinTheUpperBoundAndOnlyTheSlicesZone() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 5; i++) {
                TestReaders.active("utc" + i + "@example.org", "UTC", 0).persist();
                TestReaders.active("tokyo" + i + "@example.org", "Asia/Tokyo", 0).persist();
            }
        });
        Slice utc = new Slice("UTC", WEDNESDAY, 3, false);
        List<Reader> first = inputs.dueReaders(utc, 0, Long.MAX_VALUE, 3);
        List<Reader> rest = inputs.dueReaders(utc, first.get(2).id, Long.MAX_VALUE, 3);
        assertThat(first).hasSize(3);
        assertThat(rest).hasSize(2);
        assertThat(first.stream().map(r -> r.timeZone)).containsOnly("UTC");
        assertThat(rest.stream().map(r -> r.timeZone)).containsOnly("UTC");
        assertThat(rest.get(0).id).isGreaterThan(first.get(2).id);
        assertThat(inputs.dueReaders(utc, 0, first.get(1).id, 10)).extracting(r -> r.id)
                .containsExactly(first.get(0).id, first.get(1).id);
    }
}
