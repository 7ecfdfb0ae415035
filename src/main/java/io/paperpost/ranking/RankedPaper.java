package io.paperpost.ranking;

import java.util.Map;

/**
 * One pick for a reader.
 *
 * @param paper  the paper
 * @param score  the final score; higher ranks first
 * @param parts  the named parts the score is made of (e.g. {@code topic}, {@code interest}, {@code trend})
 * @param reason one line for the email, e.g. "matches your interest 'diffusion' · 124 upvotes"
 */
public record RankedPaper(CandidatePaper paper, double score, Map<String, Double> parts, String reason) {
}
