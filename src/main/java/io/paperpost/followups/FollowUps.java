package io.paperpost.followups;

import io.paperpost.papers.Paper;
import io.paperpost.papers.PaperNews;
import io.paperpost.site.Links;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "Updates on papers you follow": which news a reader's email tells, at most three, each once. A paper is followed
 * by a reader who liked or saved it; its news counts from then on. What an email told is recorded with the email's
 * ledger row when it is composed, before it is sent: a retry of that email tells it again, no other email does, so
 * an update is never repeated even when the instance dies after sending.
 */
@ApplicationScoped
public class FollowUps {

    /** The promise: an email never holds more updates than this, whatever the configuration says. */
    public static final int MAX_PER_EMAIL = 3;

    private static final String LIKERS = "select distinct f.id.readerId, f.id.paperId, f.updatedAt from Feedback f, "
            + "PaperNews n where n.paperId = f.id.paperId and f.rating > 0 and n.batch <= :through "
            + "and n.recordedAt >= :since";
    private static final String SAVERS = "select distinct s.id.readerId, s.id.paperId, s.savedAt from "
            + "ReadingListEntry s, PaperNews n where n.paperId = s.id.paperId and n.batch <= :through "
            + "and n.recordedAt >= :since";

    @Inject
    FollowUpConfig config;
    @Inject
    Clock clock;
    @Inject
    EntityManager entityManager;

    /** The news up to the paper batch {@code through} (a run's snapshot), and who follows their papers. */
    public FollowUpSnapshot snapshot(long through) {
        if (!config.enabled()) {
            return FollowUpSnapshot.EMPTY;
        }
        Instant since = clock.instant().minus(Duration.ofDays(config.days()));
        return QuarkusTransaction.requiringNew().call(() -> {
            List<PaperNews> news = PaperNews.list("batch <= ?1 and recordedAt >= ?2 order by recordedAt, id",
                    through, since);
            if (news.isEmpty()) {
                return FollowUpSnapshot.EMPTY;
            }
            Map<Long, Map<String, Instant>> followed = new HashMap<>();
            for (String query : List.of(LIKERS, SAVERS)) {
                for (Object[] row : entityManager.createQuery(query, Object[].class).setParameter("through", through)
                        .setParameter("since", since).getResultList()) {
                    // Followed since the earlier of the like and the save.
                    followed.computeIfAbsent((Long) row[0], r -> new HashMap<>()).merge((String) row[1],
                            (Instant) row[2], (a, b) -> a.isBefore(b) ? a : b);
                }
            }
            if (followed.isEmpty()) {
                return FollowUpSnapshot.EMPTY;
            }
            Map<String, List<PaperNews>> byPaper = new HashMap<>();
            news.forEach(n -> byPaper.computeIfAbsent(n.paperId, p -> new ArrayList<>()).add(n));
            Map<String, String> titles = new HashMap<>();
            Paper.byIds(byPaper.keySet()).forEach((id, p) -> titles.put(id, p.title));
            return new FollowUpSnapshot(byPaper, followed, titles);
        });
    }

    /**
     * The updates for the reader's email, recorded as told by it (in its own transaction).
     *
     * @param deliveryId the email's ledger row: what it told before (an earlier attempt) it tells again
     */
    public List<FollowUp> take(FollowUpSnapshot snapshot, long readerId, long deliveryId) {
        Map<String, List<PaperNews>> candidates = snapshot.candidatesFor(readerId);
        if (candidates.isEmpty()) {
            return List.of();
        }
        int limit = Math.max(0, Math.min(MAX_PER_EMAIL, config.perEmail()));
        return QuarkusTransaction.requiringNew().call(() -> {
            Set<Long> ids = new HashSet<>();
            candidates.values().forEach(list -> list.forEach(n -> ids.add(n.id)));
            Set<Long> toldHere = new HashSet<>();
            Set<Long> toldElsewhere = new HashSet<>();
            for (Object result : entityManager.createNativeQuery("select news_id, delivery_id from follow_up_sent "
                    + "where reader_id = :reader and news_id in (:ids)").setParameter("reader", readerId)
                    .setParameter("ids", ids).getResultList()) {
                Object[] row = (Object[]) result;
                long newsId = ((Number) row[0]).longValue();
                (((Number) row[1]).longValue() == deliveryId ? toldHere : toldElsewhere).add(newsId);
            }
            Map<String, List<PaperNews>> untold = new LinkedHashMap<>();
            candidates.forEach((paperId, news) -> {
                List<PaperNews> left = news.stream().filter(n -> !toldElsewhere.contains(n.id)).toList();
                if (!left.isEmpty()) {
                    untold.put(paperId, left);
                }
            });
            List<FollowUp> updates = untold.entrySet().stream()
                    .sorted(Comparator.<Map.Entry<String, List<PaperNews>>>comparingInt(
                            e -> -FollowUpLines.weight(e.getValue()))
                            .thenComparing(e -> newest(e.getValue()), Comparator.reverseOrder())
                            .thenComparing(Map.Entry::getKey))
                    .limit(limit)
                    .map(e -> followUp(snapshot, e.getKey(), e.getValue())).toList();
            List<Long> toRecord = updates.stream().flatMap(u -> u.newsIds().stream())
                    .filter(id -> !toldHere.contains(id)).toList();
            if (!toRecord.isEmpty()) {
                record(readerId, deliveryId, toRecord);
            }
            return updates;
        });
    }

    /** One statement for all of an email's rows: one per row was 9% of the night benchmark's pipeline samples. */
    private void record(long readerId, long deliveryId, List<Long> newsIds) {
        StringBuilder sql = new StringBuilder("insert into follow_up_sent (reader_id, news_id, delivery_id, sent_at) "
                + "values ");
        for (int i = 0; i < newsIds.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:reader, :news").append(i).append(", :delivery, :now)");
        }
        var insert = entityManager.createNativeQuery(sql.toString()).setParameter("reader", readerId)
                .setParameter("delivery", deliveryId)
                .setParameter("now", clock.instant().atOffset(ZoneOffset.UTC));
        for (int i = 0; i < newsIds.size(); i++) {
            insert.setParameter("news" + i, newsIds.get(i));
        }
        insert.executeUpdate();
    }

    private static FollowUp followUp(FollowUpSnapshot snapshot, String paperId, List<PaperNews> news) {
        String title = snapshot.title(paperId);
        return new FollowUp(paperId, title, Links.paper(paperId, title), FollowUpLines.line(news),
                FollowUpLines.codeUrl(news), news.stream().map(n -> n.id).toList());
    }

    private static Instant newest(List<PaperNews> news) {
        return news.stream().map(n -> n.recordedAt).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
    }
}
