package io.paperpost.digest;

import io.paperpost.feedback.FeedbackService;
import io.paperpost.papers.Paper;
import io.paperpost.ranking.CandidatePaper;
import io.paperpost.ranking.HardFilters;
import io.paperpost.ranking.ReaderProfile;
import io.paperpost.ranking.SemanticProfile;
import io.paperpost.ranking.SemanticVector;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderInterestVectors;
import io.paperpost.subscription.ReaderStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hibernate.jpa.AvailableHints;
import org.jboss.logging.Logger;

/**
 * What a digest email is made from, for the runs and the previews alike: which readers are due ({@link DueRule}
 * as a query), the papers of a snapshot ({@link PaperWindows}), and how the ranker sees a reader and a paper.
 */
@ApplicationScoped
public class DigestInputs {

    private static final Logger LOG = Logger.getLogger(DigestInputs.class);

    @Inject
    EntityManager entityManager;
    @Inject
    FeedbackService feedback;
    @Inject
    PaperWindows windows;
    @Inject
    ReaderInterestVectors interestVectors;

    /** The time zones active readers use. */
    List<String> activeZones() {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                "select distinct r.timeZone from Reader r where r.status = :active", String.class)
                .setParameter("active", ReaderStatus.ACTIVE).getResultList());
    }

    /** Ids of all the slice's due readers in id order, streamed; run it in a transaction and close it. */
    Stream<Long> streamDueIds(Slice slice) {
        return dueQuery(slice, "select r.id", Long.class, 0, Long.MAX_VALUE)
                .setHint(AvailableHints.HINT_FETCH_SIZE, 1000).getResultStream();
    }

    /** Ids of the slice's due readers after the given one, in id order, one page. */
    List<Long> dueReaderIds(Slice slice, long afterId, int limit) {
        return due(slice, "select r.id", Long.class, afterId, Long.MAX_VALUE, limit);
    }

    /** The slice's due readers with afterId &lt; id &lt;= lastId, in id order, one page. */
    List<Reader> dueReaders(Slice slice, long afterId, long lastId, int limit) {
        return due(slice, "select r", Reader.class, afterId, lastId, limit);
    }

    private <T> List<T> due(Slice slice, String select, Class<T> type, long afterId, long lastId, int limit) {
        return QuarkusTransaction.requiringNew()
                .call(() -> dueQuery(slice, select, type, afterId, lastId).setMaxResults(limit).getResultList());
    }

    private <T> TypedQuery<T> dueQuery(Slice slice, String select, Class<T> type, long afterId, long lastId) {
        DueRule.Condition condition = DueRule.condition(slice.date(), slice.hour(), slice.ignoreHour());
        TypedQuery<T> query = entityManager.createQuery(select + " from Reader r where r.status = :active"
                + (slice.zone() == null ? "" : " and r.timeZone = :zone") + " and " + condition.jpql()
                + " and r.id > :after and r.id <= :last order by r.id", type)
                .setParameter("active", ReaderStatus.ACTIVE).setParameter("after", afterId)
                .setParameter("last", lastId);
        if (slice.zone() != null) {
            query.setParameter("zone", slice.zone());
        }
        condition.parameters().forEach(query::setParameter);
        return query;
    }

    /** The papers of the run's snapshot, loaded and indexed once per run on this instance. */
    RunPapers papersOfRun(long runId) {
        return windows.forRun(runId);
    }

    /** The papers an email composed now would rank. */
    RunPapers papersNow() {
        return windows.now();
    }

    /** Like {@link #profile(Reader, Collection, String, Set, FeedbackService.Texts)} with the reader's feedback read now. */
    ReaderProfile profile(Reader reader, Collection<String> topics, String interests, Set<String> excluded) {
        return profile(reader, topics, interests, excluded, feedback.texts(reader.id));
    }

    /**
     * How the ranker sees the reader: the given topics and interests (their saved ones, or what they are editing
     * for a preview), with their followed authors, ranking settings and feedback, minus the excluded papers; in
     * words and, where embedded, in meaning.
     */
    ReaderProfile profile(Reader reader, Collection<String> topics, String interests, Set<String> excluded,
            FeedbackService.Texts rated) {
        SemanticProfile meaning = new SemanticProfile(interestVectors.aspects(reader, interests),
                rated.likedMeaning(), rated.dislikedMeaning());
        return new ReaderProfile(Set.copyOf(topics), interests, reader.followedAuthors, reader.trendWeight, excluded)
                .withFeedback(rated.liked(), rated.disliked())
                .withSemantic(meaning)
                .withExploration(reader.exploration)
                .withOnlyWhenMatches(reader.onlyWhenMatches)
                .withFilters(new HardFilters(reader.mutedAuthors, reader.mutedTopics, reader.mustWords,
                        reader.neverWords));
    }

    /** A stored paper as the ranker sees it; the one conversion the digest and every preview share. */
    public static CandidatePaper candidate(Paper paper) {
        return candidate(paper, null);
    }

    /** With the paper's embedding (null when it has none). */
    static CandidatePaper candidate(Paper paper, SemanticVector meaning) {
        return new CandidatePaper(paper.id, paper.title, paper.summary, paper.authors, Set.copyOf(paper.categories),
                paper.upvotes, paper.publishedOn, meaning);
    }

    /** The reader's zone, or UTC (logged) for a zone id the JDK does not know. */
    static ZoneId zoneOrUtc(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            LOG.warnf("Readers with unknown time zone '%s' are scheduled in UTC", zone);
            return ZoneOffset.UTC;
        }
    }
}
