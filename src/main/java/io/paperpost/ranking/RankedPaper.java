package io.paperpost.ranking;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One pick for a reader.
 *
 * @param paper  the paper
 * @param score  the final score; higher ranks first
 * @param parts  the named parts the score is made of ({@code interest}, {@code topic}, {@code author},
 *               {@code feedback}, {@code trend}); a trending fallback pick has only {@code trend}
 * @param reason one line for the email, e.g. "matches your interest 'diffusion' · 124 upvotes"
 * @param kind   why the paper is in the list: a personal pick, the exploration pick, or trending fallback
 * @param topic  the id of the paper's primary topic (what "Mute this topic" mutes), null when it has none
 */
public record RankedPaper(CandidatePaper paper, double score, Map<String, Double> parts, String reason, Kind kind,
        String topic) {

    /** Why a paper was picked. */
    public enum Kind {
        /** Matches the reader's interests, followed authors, liked papers or topics. */
        PERSONAL,
        /** The one pick from outside the reader's usual topics ("outside your usual topics"). */
        EXPLORATION,
        /** Nothing personal matched: one of the day's trending papers in the reader's topics or overall. */
        TRENDING
    }

    public RankedPaper {
        parts = parts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parts));
        kind = kind == null ? Kind.PERSONAL : kind;
    }

    /** A pick without a known topic. */
    public RankedPaper(CandidatePaper paper, double score, Map<String, Double> parts, String reason, Kind kind) {
        this(paper, score, parts, reason, kind, null);
    }

    /** A personal pick (the original four-part form). */
    public RankedPaper(CandidatePaper paper, double score, Map<String, Double> parts, String reason) {
        this(paper, score, parts, reason, Kind.PERSONAL);
    }

    /** True when the paper is a trending fallback, not a personal match. */
    public boolean trending() {
        return kind == Kind.TRENDING;
    }
}
