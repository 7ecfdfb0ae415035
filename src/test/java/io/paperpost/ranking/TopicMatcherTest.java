package io.paperpost.ranking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopicMatcherTest {

    final TextAnalyzer analyzer = new TextAnalyzer();
    final TopicMatcher matcher = new TopicMatcher(List.of(
            new Topic("cs.RO", "Robotics", "", List.of("cs.RO"), List.of("robot")),
            new Topic("moe", "Mixture of experts", "", List.of(), List.of("mixture of experts", "router")),
            new Topic("cs.RO", "Robotics again", "", List.of(), List.of())), analyzer);

    double strength(int topic, String title, String summary, Set<String> categories) {
        CandidatePaper paper = new CandidatePaper("p", title, summary, List.of(), categories, 0, LocalDate.now());
        List<String> t = analyzer.terms(title);
        List<String> s = analyzer.terms(summary);
        Set<String> present = new HashSet<>(t);
        present.addAll(s);
        return matcher.strength(topic, paper, t, s, present);
    }

    @Test
    void theFirstTopicOfAnIdWins() {
        assertEquals(2, matcher.size());
        assertEquals("Robotics", matcher.name(0));
    }

    @Test
    void readerTopicsBecomeSortedNumbersWithoutUnknownIds() {
        assertArrayEquals(new int[]{0, 1}, matcher.numbers(Set.of("moe", "gone", "cs.RO")));
        assertArrayEquals(new int[0], matcher.numbers(Set.of()));
    }

    @Test
    void categoriesDecideWhenThePaperHasThem() {
        assertEquals(1.0, strength(0, "Grasping", "No seed here.", Set.of("cs.RO")));
        assertEquals(0.0, strength(0, "Robot grasping", "A robot.", Set.of("cs.CV")));
    }

    @Test
    void seedsCountFullyInTheTitleAndPartlyInTheAbstract() {
        assertEquals(1.0, strength(1, "A better router", "Nothing.", Set.of()));
        assertEquals(1 / 3.0, strength(1, "Sparse models", "Our router.", Set.of()), 1e-12);
        assertEquals(0.5, strength(1, "Sparse models", "A mixture of experts.", Set.of()), 1e-12);
        assertEquals(1.0, strength(1, "Sparse models", "Router, router, router, router.", Set.of()));
    }
}
