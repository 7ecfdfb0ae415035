package io.paperpost.feedback;

import io.paperpost.subscription.ReaderDataPart;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** The ratings' part of "Download my data". */
@ApplicationScoped
public class FeedbackHistory implements ReaderDataPart {

    /** A 👍 (1) or 👎 (-1) given on a paper. */
    public record Rating(String paperId, int rating, Instant updatedAt) {
    }

    @Override
    public String name() {
        return "feedback";
    }

    @Override
    public List<Rating> of(long readerId) {
        return Feedback.<Feedback>list("id.readerId = ?1 order by updatedAt", readerId).stream()
                .map(f -> new Rating(f.id.paperId, f.rating, f.updatedAt)).toList();
    }
}
