package io.paperpost.ranking;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits an interest text into the aspects worth embedding one by one. A long, conversational text ("I'm looking
 * for papers on X. Y would be great too. Not interested in Z.") embeds as one blurred vector that is close to
 * nothing; its sentences embed sharply, and a paper close to any one of them is close to the reader. Sentences
 * that say what the reader does not want become negative aspects, with the cue words removed.
 *
 * <p>The aspects are: the whole positive text, then each positive sentence when there are several, then each
 * negative one, at most {@value #MAX_ASPECTS} in all. A text with no word of two letters or more (empty, emoji
 * only, punctuation) has no aspects, so such a reader falls back to trending papers.
 */
public final class InterestAspects {

    /** Texts beyond this are cut before splitting; the embedding model reads about 256 word pieces anyway. */
    public static final int MAX_TEXT = 2_000;
    static final int MAX_ASPECTS = 8;

    /** Sentence ends (not after "e.g.", "i.e.", "vs.", "etc."), new lines, bullets, and ", but" / "; but". */
    private static final Pattern SENTENCE_END = Pattern
            .compile("(?<!\\be\\.g\\.|\\bi\\.e\\.|\\bvs\\.|\\betc\\.)(?<=[.!?;])\\s+"
                    + "|\\s*[\\n\\r]+\\s*|\\s+[-*\u2022]\\s+|(?i:[,;]?\\s+but\\s+(?=(?:i|we|not|no|please)\\b))");
    private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");
    /** A clause that says what the reader does not want, wherever the cue stands in it. */
    private static final Pattern NEGATIVE = Pattern.compile("(?i)\\b(?:not|no|never|nothing|don'?t|do not|doesn'?t|"
            + "isn'?t|aren'?t|skip|avoid|exclude[sd]?|excluding|except|uninterested|rather not|out of scope|"
            + "less (?:interest\\w*|relevant|important)|leave out)\\b");
    /** Cue and filler words removed from a negative clause before it is embedded. */
    private static final Pattern NEGATIVE_WORDS = Pattern.compile("(?i)\\b(?:but|please|i'?m|i am|i'?d|i|we|me|my|"
            + "really|particularly|especially|not|no|never|nothing|don'?t|do not|doesn'?t|isn'?t|aren'?t|is|are|"
            + "skip|avoid|exclude[sd]?|excluding|except|uninterested|rather|out of scope|less|interest\\w*|relevant|"
            + "important|leave out|care|want|need|looking|after|what|about|to me|for me|papers?|on|in|so much|"
            + "much|that|those|these|any|more|than|please|thanks)\\b");
    private static final Pattern FILLER = Pattern.compile("(?i)^(?:(?:hi|hello)[,!.]?\\s+)?(?:i'?m |i am |i'?d |i "
            + "would |we'?re |we are |i )?(?:(?:really |mostly |mainly |also |especially )?(?:looking for|"
            + "interested in|keen on|into|like to (?:read|see)|love to (?:read|see)|want|curious about|following|"
            + "working on|follow|read)\\s+)?(?:(?:new |recent |good )?papers?\\s+(?:on|about|that|which|where)\\s+)?");

    private InterestAspects() {
    }

    /** One aspect: its text as the reader wrote it (cue and filler words removed), and whether it is a dislike. */
    public record AspectText(String text, boolean negative) {
    }

    /** The aspects of a reader's interest text, in the order described above. */
    public static List<AspectText> of(String interests) {
        String text = interests == null ? "" : interests.strip();
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
        }
        List<String> positive = new ArrayList<>();
        List<String> negative = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(text)) {
            String s = sentence.strip();
            if (!WORD.matcher(s).find()) {
                continue;
            }
            if (NEGATIVE.matcher(s).find()) {
                String rest = trim(NEGATIVE_WORDS.matcher(s).replaceAll(" ").replaceAll("\\s+", " "));
                if (WORD.matcher(rest).find()) {
                    negative.add(rest);
                }
                continue;
            }
            String rest = trim(FILLER.matcher(s).replaceFirst(""));
            positive.add(WORD.matcher(rest).find() ? rest : trim(s));
        }
        List<AspectText> aspects = new ArrayList<>();
        if (!positive.isEmpty()) {
            aspects.add(new AspectText(String.join(" ", positive), false));
        }
        if (positive.size() > 1) {
            for (String s : positive) {
                if (aspects.size() < MAX_ASPECTS - Math.min(negative.size(), 2)) {
                    aspects.add(new AspectText(s, false));
                }
            }
        }
        for (String s : negative) {
            if (aspects.size() < MAX_ASPECTS) {
                aspects.add(new AspectText(s, true));
            }
        }
        return List.copyOf(aspects);
    }

    /** The positive aspects' words, for the lexical query: a dislike must not add its words as wishes. */
    public static String positiveText(List<AspectText> aspects) {
        return aspects.isEmpty() || aspects.get(0).negative() ? "" : aspects.get(0).text();
    }

    private static String trim(String s) {
        String t = s.strip();
        while (!t.isEmpty() && ".,;:!?-".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }
}
