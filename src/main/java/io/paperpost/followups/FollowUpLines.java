package io.paperpost.followups;

import io.paperpost.papers.NewsKind;
import io.paperpost.papers.PaperNews;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The one line that says what changed on a paper, from its news (no database access). */
final class FollowUpLines {

    private FollowUpLines() {
    }

    /** @param news the paper's news to tell, any order; not empty */
    static String line(List<PaperNews> news) {
        List<String> parts = new ArrayList<>();
        latest(news, NewsKind.VENUE).ifPresent(n -> parts.add("accepted: " + n.detail));
        latest(news, NewsKind.CODE).ifPresent(n -> parts.add("code released"));
        news.stream().filter(n -> n.kind == NewsKind.VERSION).max(Comparator.comparingInt(n -> number(n.detail)))
                .ifPresent(n -> parts.add("version " + n.detail + " is on arXiv"));
        news.stream().filter(n -> n.kind == NewsKind.UPVOTES).max(Comparator.comparingInt(n -> number(n.detail)))
                .ifPresent(n -> parts.add("passed " + milestoneBelow(number(n.detail)) + " upvotes (" + n.detail
                        + " now)"));
        String line = String.join(" · ", parts);
        return Character.toUpperCase(line.charAt(0)) + line.substring(1);
    }

    /** The code link when the news includes code released, else null. */
    static String codeUrl(List<PaperNews> news) {
        return latest(news, NewsKind.CODE).map(n -> n.detail).orElse(null);
    }

    /** How much a reader wants to hear it: an acceptance first, then code, a version, upvotes. */
    static int weight(List<PaperNews> news) {
        int weight = 0;
        for (PaperNews n : news) {
            weight = Math.max(weight, switch (n.kind) {
                case VENUE -> 4;
                case CODE -> 3;
                case VERSION -> 2;
                case UPVOTES -> 1;
            });
        }
        return weight;
    }

    static int milestoneBelow(int upvotes) {
        int passed = PaperNews.UPVOTE_MILESTONES[0];
        for (int milestone : PaperNews.UPVOTE_MILESTONES) {
            if (milestone <= upvotes) {
                passed = milestone;
            }
        }
        return passed;
    }

    private static Optional<PaperNews> latest(List<PaperNews> news, NewsKind kind) {
        return news.stream().filter(n -> n.kind == kind).max(Comparator.comparing(n -> n.recordedAt));
    }

    private static int number(String detail) {
        try {
            return Integer.parseInt(detail);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
