package io.paperpost.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.paperpost.TestData;
import io.paperpost.feedback.Feedback;
import io.paperpost.feedback.FeedbackService;
import io.paperpost.mail.GreenMailResource;
import io.paperpost.mail.MimeParts;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Popular with readers who share your interests", with the operator's switch on: shown only when at least three
 * other readers with close topics liked the paper, never naming them, never a paper sent or rated before.
 */
@QuarkusTest
@TestProfile(ReadersLikeYouTest.Enabled.class)
@WithTestResource(GreenMailResource.class)
class ReadersLikeYouTest {

    /** The line is off by default: this profile turns it on. */
    public static class Enabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("paperpost.digest.readers-like-you.enabled", "true");
        }
    }

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final String LINE = "Popular with readers who share your interests: ";
    static final String POPULAR_TITLE = "Protein folding with equivariant networks";
    static final String PAPERS = """
            {"key":"t-e00000000001","title":"Diffusion policies for robot grasping","summary":"A diffusion policy.","authors":["Ana Souza"],"upvotes":30}
            {"key":"t-e00000000002","title":"Consistency distillation of diffusion samplers","summary":"One-step diffusion.","authors":["Chen Hao"],"upvotes":10}
            {"key":"t-e00000000003","title":"Protein folding with equivariant networks","summary":"Structure prediction.","authors":["Maria García"],"upvotes":3}
            """;
    static final String POPULAR = "t-e00000000003";

    @Inject
    TestData data;
    @Inject
    FeedbackService feedback;

    @BeforeEach
    void setUp() {
        data.reset();
        TestData.postPapers(PAPERS, DAY).statusCode(200).body("added", is(3));
    }

    @Test
    void aPaperThreeReadersWithCloseTopicsLikedIsOneLineAndNamesNoOne() throws Exception {
        likedByReaders(3, List.of("diffusion", "cs.CV"));
        long reader = reader("me@example.org", List.of("diffusion"));
        String text = digestTo(reader, DAY);
        assertThat(text.lines().filter(l -> l.startsWith(LINE)).toList()).containsExactly(LINE + POPULAR_TITLE);
        assertThat(text).doesNotContain("liker").doesNotContain("3 readers");
        // The line's paper counts as sent: the next day's email does not offer it again.
        TestData.postPapers("""
                {"key":"t-e00000000004","title":"Diffusion transformers at scale","summary":"Scaling diffusion."}
                """, DAY.plusDays(1)).statusCode(200);
        assertThat(digestTo(reader, DAY.plusDays(1))).doesNotContain(LINE);
    }

    @Test
    void twoAgreeingReadersAreNotEnough() throws Exception {
        likedByReaders(2, List.of("diffusion"));
        assertThat(digestTo(reader("me@example.org", List.of("diffusion")), DAY)).doesNotContain(LINE);
    }

    @Test
    void readersWithOtherTopicsDoNotCount() throws Exception {
        // Overlap of {diffusion} with {cs.RO, cs.CV, diffusion} is 1/3, under the default 0.5.
        likedByReaders(5, List.of("cs.RO", "cs.CV", "diffusion"));
        assertThat(digestTo(reader("me@example.org", List.of("diffusion")), DAY)).doesNotContain(LINE);
    }

    @Test
    void aPaperTheReaderRatedOrMutedIsNotOffered() throws Exception {
        likedByReaders(4, List.of("diffusion"));
        long disliker = reader("disliker@example.org", List.of("diffusion"));
        feedback.record(disliker, POPULAR, Feedback.DISLIKE);
        assertThat(digestTo(disliker, DAY)).doesNotContain(LINE);

        long muter = reader("muter@example.org", List.of("diffusion"));
        QuarkusTransaction.requiringNew().run(() -> {
            Reader r = Reader.findById(muter);
            r.mutedAuthors = new ArrayList<>(List.of("Maria Garcia"));
        });
        assertThat(digestTo(muter, DAY)).doesNotContain(LINE);
    }

    /** Readers who got nothing today (their email is not due) and liked the popular paper. */
    private void likedByReaders(int count, List<String> topics) {
        for (int i = 0; i < count; i++) {
            long liker = QuarkusTransaction.requiringNew().call(() -> {
                Reader r = newReader("liker" + System.nanoTime() + "@example.org", topics);
                r.pausedUntil = DAY.plusDays(30);
                r.persist();
                return r.id;
            });
            feedback.record(liker, POPULAR, Feedback.LIKE);
        }
    }

    private static long reader(String email, List<String> topics) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Reader r = newReader(email, topics);
            r.interests = "diffusion";
            r.exploration = false;
            r.pausedUntil = DAY.plusDays(30);
            r.persist();
            return r.id;
        });
    }

    private static Reader newReader(String email, List<String> topics) {
        Reader r = new Reader();
        r.setEmail(email);
        r.status = ReaderStatus.ACTIVE;
        r.topics = new ArrayList<>(topics);
        r.createdAt = Instant.now();
        r.confirmedAt = Instant.now();
        return r;
    }

    /** Unpauses the one reader, runs the day's digest and returns the plain text they received. */
    private String digestTo(long readerId, LocalDate day) throws Exception {
        QuarkusTransaction.requiringNew().run(() -> {
            Reader.<Reader>findById(readerId).pausedUntil = null;
        });
        MimeMessage received = TestData.digestEmailOf(day);
        QuarkusTransaction.requiringNew().run(() -> {
            Reader.<Reader>findById(readerId).pausedUntil = day.plusDays(30);
        });
        return MimeParts.find(received, "text/plain");
    }
}
