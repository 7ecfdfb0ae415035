package io.paperpost.ranking;

import java.util.List;

/**
 * What the ranker knows of a reader's taste in meaning rather than words: the embedded aspects of their interest
 * text ({@link InterestAspects}) and the embeddings of the papers they liked and disliked.
 *
 * @param aspects  the interest text's aspects with their vectors; negative ones ("not interested in …") push down
 * @param liked    liked papers (title and vector), most recent first
 * @param disliked disliked papers (title and vector), most recent first
 */
public record SemanticProfile(List<Aspect> aspects, List<RatedPaper> liked, List<RatedPaper> disliked) {

    public static final SemanticProfile NONE = new SemanticProfile(List.of(), List.of(), List.of());

    public SemanticProfile {
        aspects = aspects == null ? List.of() : List.copyOf(aspects);
        liked = liked == null ? List.of() : List.copyOf(liked);
        disliked = disliked == null ? List.of() : List.copyOf(disliked);
    }

    /** One aspect of the interest text and its embedding. */
    public record Aspect(String text, SemanticVector vector, boolean negative) {
        public Aspect {
            if (text == null || vector == null) {
                throw new IllegalArgumentException("an aspect needs its text and vector");
            }
        }
    }

    /** A paper the reader rated, as far as meaning goes. */
    public record RatedPaper(String title, SemanticVector vector) {
        public RatedPaper {
            if (title == null || vector == null) {
                throw new IllegalArgumentException("a rated paper needs its title and vector");
            }
        }
    }

    public boolean isEmpty() {
        return aspects.isEmpty() && liked.isEmpty() && disliked.isEmpty();
    }
}
