package io.paperpost.ranking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DayTrendTest {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    static CandidatePaper paper(String id, int upvotes, LocalDate publishedOn) {
        return new CandidatePaper(id, "t", "s", List.of(), Set.of(), upvotes, publishedOn);
    }

    @Test
    void theDaysMostUpvotedFreshPaperScoresOne() {
        DayTrend trend = new DayTrend(new CandidatePaper[]{paper("a", 100, TODAY), paper("b", 0, TODAY)}, TODAY, 7);
        assertEquals(1f, trend.of(0));
        assertEquals(0f, trend.of(1));
    }

    @Test
    void everyHalfLifeOfAgeHalvesTheTrend() {
        DayTrend trend = new DayTrend(new CandidatePaper[]{paper("a", 100, TODAY), paper("b", 100, TODAY.minusDays(7)),
                paper("c", 100, null)}, TODAY, 7);
        assertEquals(0.5f, trend.of(1), 1e-6);
        assertEquals(1f, trend.of(2), "no date counts as today");
    }

    @Test
    void papersInTrendOrderTieOnUpvotesThenOnId() {
        // "b" and "c" are both zero: more upvotes cannot break the tie, so the id does
        DayTrend trend = new DayTrend(new CandidatePaper[]{paper("a", 5, TODAY.minusDays(70)), paper("b", 0, TODAY),
                paper("c", 0, TODAY), paper("d", 9, TODAY)}, TODAY, 7);
        assertArrayEquals(new int[]{3, 0, 1, 2}, trend.byTrend());
    }
}
