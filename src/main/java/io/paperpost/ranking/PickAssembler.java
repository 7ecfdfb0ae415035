package io.paperpost.ranking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a reader's best-scored papers into the list: at most {@link RankOptions#maxPerTopic()} picks per primary
 * topic, one exploration pick at the end, the trending fallback when nothing personal matched, and each pick's
 * parts and reason. Thread-safe.
 */
final class PickAssembler {

    private static final Comparator<RankedPaper> BEST_FIRST = (a, b) -> {
        int c = Double.compare(b.score(), a.score());
        return c != 0 ? c : a.paper().id().compareTo(b.paper().id());
    };

    private final AnalyzedDay day;
    private final CandidatePaper[] papers;
    private final int cap;
    private final Fusion fusion;

    PickAssembler(AnalyzedDay day, int maxPerTopic, Fusion fusion) {
        this.day = day;
        this.fusion = fusion;
        this.papers = day.papers();
        this.cap = maxPerTopic == 0 ? Integer.MAX_VALUE : maxPerTopic;
    }

    /** @param ranked the best-scored qualifying docs, best first, as {@link Scorer#best} returns them */
    List<RankedPaper> picks(ReaderProfile profile, int limit, ReaderScores s, int[] ranked) {
        if (ranked.length == 0) {
            return profile.onlyWhenMatches() ? List.of() : trending(profile, s.readerTopics, limit);
        }
        List<RankedPaper> picks = new ArrayList<>(limit);
        boolean explore = profile.exploration() && limit >= 3;
        int personalSlots = explore ? limit - 1 : limit;
        int[] perTopic = new int[day.topics().size()];
        List<Integer> deferred = new ArrayList<>();
        Set<Integer> chosenTopics = new HashSet<>();
        for (int d : ranked) {
            if (picks.size() == personalSlots) {
                break;
            }
            int t = day.topicsOfDay().primary(d);
            if (t >= 0 && perTopic[t] >= cap) {
                deferred.add(d);
                continue;
            }
            if (t >= 0) {
                perTopic[t]++;
                chosenTopics.add(t);
            }
            picks.add(personal(d, profile, s));
        }
        for (int i = 0; i < deferred.size() && picks.size() < personalSlots; i++) {
            picks.add(personal(deferred.get(i), profile, s));
        }
        picks.sort(BEST_FIRST);
        if (explore) {
            RankedPaper pick = exploration(profile, s, chosenTopics, picks);
            if (pick != null) {
                picks.add(pick);
            }
        }
        return List.copyOf(picks);
    }

    private RankedPaper personal(int d, ReaderProfile profile, ReaderScores s) {
        CandidatePaper paper = papers[d];
        Map<String, Double> parts = new LinkedHashMap<>();
        List<String> reasons = new ArrayList<>(4);
        double w = profile.trendWeight();
        if (s.author[d]) {
            parts.put("author", Scorer.AUTHOR_WEIGHT);
            reasons.add("by " + day.authors().followedAuthorOf(d, s.followed) + ", whom you follow");
        }
        double iScore = s.interestScore(d);
        if (iScore > 0) {
            parts.put("interest", Scorer.INTEREST_WEIGHT * iScore);
            if (iScore >= Scorer.MIN_INTEREST) {
                String phrase = matchedPhrase(d, s.interestQuery);
                if (phrase != null) {
                    reasons.add(0, "matches your interest '" + phrase + "'");
                }
            }
        }
        if (!s.feedbackQuery.isEmpty()) {
            double fScore = s.feedbackScore(d);
            if (fScore != 0) {
                parts.put("feedback", Scorer.FEEDBACK_WEIGHT * fScore);
                if (fScore >= Scorer.MIN_INTEREST) {
                    reasons.add("similar to papers you liked");
                }
            }
        }
        meaningParts(d, iScore, s, parts, reasons);
        if (s.topic[d] > 0) {
            parts.put("topic", Scorer.TOPIC_WEIGHT * s.topic[d]);
            reasons.add("in your topic '" + day.topics().name(s.readerTopics[s.topicOf[d]]) + "'");
        }
        double personal = parts.values().stream().mapToDouble(Double::doubleValue).sum();
        parts.replaceAll((k, v) -> v * (1 - w));
        float trend = day.trend().of(d);
        parts.put("trend", w * trend);
        if (paper.upvotes() > 0) {
            reasons.add(upvotes(paper.upvotes()));
        }
        double score = (1 - w) * personal + w * trend;
        return new RankedPaper(paper, score, parts, String.join(" · ", reasons), RankedPaper.Kind.PERSONAL,
                topicId(d));
    }

    /**
     * The parts for closeness in meaning, and a reason when meaning rather than words picked the paper: "close in
     * meaning to your interest '…'" or "similar to '…', which you liked".
     */
    private void meaningParts(int d, double iScore, ReaderScores s, Map<String, Double> parts, List<String> reasons) {
        float close = s.hasMeaning ? s.meaning[d] : 0;
        if (close != 0) {
            double part = fusion.meaningWeight() * close;
            parts.put("meaning", part);
            if (close > 0 && s.matched[d] >= fusion.meaningMatch() && part > Scorer.INTEREST_WEIGHT * iScore) {
                String aspect = s.semantic.aspects().get(s.aspectOf[d]).text();
                reasons.add(0, "close in meaning to your interest '" + shorten(aspect) + "'");
            }
        }
        float alike = s.hasSimilar ? s.similar[d] : 0;
        if (alike != 0) {
            parts.put("similar", fusion.similarWeight() * alike);
            SemanticProfile.RatedPaper nearest = nearestLiked(d, s.semantic);
            if (alike >= fusion.matchCloseness() && nearest != null
                    && !reasons.contains("similar to papers you liked")) {
                reasons.add("similar to '" + shorten(nearest.title()) + "', which you liked");
            }
        }
    }

    private SemanticProfile.RatedPaper nearestLiked(int d, SemanticProfile semantic) {
        SemanticVector paper = papers[d].meaning();
        SemanticProfile.RatedPaper best = null;
        double bestCosine = fusion.meaningFloor();
        for (SemanticProfile.RatedPaper liked : semantic.liked()) {
            if (paper != null && liked.vector().dimensions() == paper.dimensions()) {
                double c = liked.vector().cosine(paper);
                if (c > bestCosine) {
                    bestCosine = c;
                    best = liked;
                }
            }
        }
        return best;
    }

    /** At most about 60 characters, cut at a word: reasons are one line. */
    static String shorten(String text) {
        String t = text.strip();
        if (t.length() <= 60) {
            return t;
        }
        int cut = t.lastIndexOf(' ', 57);
        return (cut > 20 ? t.substring(0, cut) : t.substring(0, 57)).strip() + "…";
    }

    /** The reader's own words that matched best: a matched phrase if any, else up to three matched words. */
    private String matchedPhrase(int d, Query query) {
        String bestPhrase = null;
        double bestPhraseScore = 0;
        List<String> words = new ArrayList<>(3);
        for (int i = 0; i < query.terms().length; i++) {
            int term = query.terms()[i];
            String surface = query.surfaces()[i];
            if (surface == null || !day.terms().contains(term, d)) {
                continue;
            }
            String key = day.terms().term(term);
            if (Terms.isPhrase(key) || Terms.isConcept(key)) {
                double score = day.terms().idf(term) * surface.length();
                if (score > bestPhraseScore) {
                    bestPhraseScore = score;
                    bestPhrase = surface;
                }
            } else if (words.size() < 3 && day.terms().idf(term) > 1.0) {
                words.add(surface);
            }
        }
        if (bestPhrase != null) {
            return bestPhrase;
        }
        return words.isEmpty() ? null : String.join(" ", words);
    }

    /** One paper outside the reader's topics and the list's topics: the most trending one. */
    private RankedPaper exploration(ReaderProfile profile, ReaderScores s, Set<Integer> chosenTopics,
            List<RankedPaper> picks) {
        Set<String> picked = new HashSet<>();
        picks.forEach(p -> picked.add(p.paper().id()));
        int fallback = -1;
        for (int d : day.trend().byTrend()) {
            if (s.topic[d] > 0 || s.author[d] || picked.contains(papers[d].id())
                    || profile.excludedPaperIds().contains(papers[d].id())
                    || s.interestScore(d) >= Scorer.MIN_INTEREST
                    || (s.hasMeaning && s.meaning[d] > 0 && s.matched[d] >= fusion.meaningMatch())) {
                continue;
            }
            int t = day.topicsOfDay().primary(d);
            if (t >= 0 && !chosenTopics.contains(t) && Arrays.binarySearch(s.readerTopics, t) < 0) {
                return explorationPick(d, t);
            }
            if (fallback < 0 && t < 0) {
                fallback = d;
            }
        }
        return fallback < 0 ? null : explorationPick(fallback, -1);
    }

    private RankedPaper explorationPick(int d, int t) {
        CandidatePaper paper = papers[d];
        StringBuilder reason = new StringBuilder("outside your usual topics");
        if (t >= 0) {
            reason.append(" · ").append(day.topics().name(t));
        }
        if (paper.upvotes() > 0) {
            reason.append(" · ").append(upvotes(paper.upvotes()));
        }
        Map<String, Double> parts = new LinkedHashMap<>();
        parts.put("exploration", 0.0);
        float trend = day.trend().of(d);
        parts.put("trend", (double) trend);
        return new RankedPaper(paper, trend, parts, reason.toString(), RankedPaper.Kind.EXPLORATION, topicId(d));
    }

    /** Nothing personal matched: the day's most trending papers in the reader's topics, then overall. */
    private List<RankedPaper> trending(ReaderProfile profile, int[] readerTopics, int limit) {
        List<RankedPaper> picks = new ArrayList<>(limit);
        Set<String> excluded = profile.excludedPaperIds();
        boolean[] taken = new boolean[papers.length];
        if (readerTopics.length > 0) {
            for (int d : day.trend().byTrend()) {
                if (picks.size() == limit) {
                    break;
                }
                if (excluded.contains(papers[d].id())) {
                    continue;
                }
                for (int t : readerTopics) {
                    if (day.topicsOfDay().contains(t, d)) {
                        picks.add(trendingPick(d, "trending in " + day.topics().name(t)));
                        taken[d] = true;
                        break;
                    }
                }
            }
        }
        for (int d : day.trend().byTrend()) {
            if (picks.size() == limit) {
                break;
            }
            if (!taken[d] && !excluded.contains(papers[d].id())) {
                picks.add(trendingPick(d, "trending today"));
            }
        }
        return List.copyOf(picks);
    }

    private RankedPaper trendingPick(int d, String reason) {
        CandidatePaper paper = papers[d];
        String text = paper.upvotes() > 0 ? reason + " · " + upvotes(paper.upvotes()) : reason;
        float trend = day.trend().of(d);
        return new RankedPaper(paper, trend, Map.of("trend", (double) trend), text, RankedPaper.Kind.TRENDING,
                topicId(d));
    }

    /** "1 upvote", "37 upvotes". */
    static String upvotes(int count) {
        return count + (count == 1 ? " upvote" : " upvotes");
    }

    /** The id of the doc's primary topic, null when it has none. */
    private String topicId(int doc) {
        int t = day.topicsOfDay().primary(doc);
        return t < 0 ? null : day.topics().id(t);
    }
}
