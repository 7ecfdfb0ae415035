package io.paperpost.digest;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.paperpost.papers.Paper;
import io.paperpost.ranking.AuthorNames;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.TopicCatalog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * "Popular with readers who share your interests": a paper that at least three other readers with close topic
 * choices liked or saved lately, which this reader was not sent and did not rate. The line never names or counts the
 * readers, and it is not shown when fewer than three agree (with two, a reader who knows one other could guess the
 * second). Off unless {@link DigestConfig.ReadersLikeYou#enabled()}.
 *
 * <p>The likes are read once per run snapshot and instance, and only for papers that enough readers liked at all,
 * so a night costs two queries, not one per reader.
 */
@ApplicationScoped
class ReadersLikeYou {

    /** Below this many agreeing readers the line is never shown, whatever the configuration says. */
    static final int MIN_READERS_FLOOR = 3;
    /** Most papers considered per run: the most liked ones. */
    static final int MAX_CANDIDATES = 200;
    static final String REASON = "popular with readers who share your interests";

    @Inject
    DigestConfig config;
    @Inject
    Clock clock;
    @Inject
    TopicCatalog topics;
    @Inject
    EntityManager entityManager;

    /** The run snapshot's likes; weak keys let a run's go with the run. */
    private final Cache<RunPapers, Likes> likesOfRun = CacheBuilder.newBuilder().weakKeys().build();

    /**
     * @param likers per paper, the readers who liked it, sorted
     * @param raters per paper, every reader who rated it, sorted
     * @param topics the likers' topic choices
     * @param papers the candidate papers, most liked first
     */
    private record Likes(Map<String, long[]> likers, Map<String, long[]> raters, Map<Long, Set<String>> topics,
            List<Paper> papers) {
    }

    boolean enabled() {
        return config.readersLikeYou().enabled();
    }

    int minReaders() {
        return Math.max(MIN_READERS_FLOOR, config.readersLikeYou().minReaders());
    }

    /**
     * The paper for the reader's line, if one qualifies.
     *
     * @param excluded papers the reader was sent lately or gets in this email
     */
    Optional<Paper> pick(RunPapers run, Reader reader, Collection<String> excluded) {
        Likes likes = likes(run);
        if (likes.papers().isEmpty() || reader.topics.isEmpty()) {
            return Optional.empty();
        }
        Set<String> mine = Set.copyOf(reader.topics);
        double minOverlap = config.readersLikeYou().minTopicOverlap();
        int needed = minReaders();
        for (Paper paper : likes.papers()) {
            if (excluded.contains(paper.id) || Arrays.binarySearch(likes.raters().get(paper.id), reader.id) >= 0
                    || ruledOut(reader, paper)) {
                continue;
            }
            int agreeing = 0;
            for (long liker : likes.likers().get(paper.id)) {
                if (liker != reader.id && overlap(mine, likes.topics().getOrDefault(liker, Set.of())) >= minOverlap
                        && ++agreeing >= needed) {
                    return Optional.of(paper);
                }
            }
        }
        return Optional.empty();
    }

    /** Jaccard overlap of two topic sets. */
    static double overlap(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String topic : a) {
            if (b.contains(topic)) {
                shared++;
            }
        }
        return (double) shared / (a.size() + b.size() - shared);
    }

    /** The reader's hard filters, read on the paper's text: the line obeys them like the picks do. */
    private boolean ruledOut(Reader reader, Paper paper) {
        for (String author : paper.authors) {
            String key = AuthorNames.normalize(author);
            if (reader.mutedAuthors.stream().anyMatch(m -> AuthorNames.normalize(m).equals(key))) {
                return true;
            }
        }
        for (String topicId : reader.mutedTopics) {
            if (topics.find(topicId).map(t -> t.categories().stream().anyMatch(paper.categories::contains))
                    .orElse(false)) {
                return true;
            }
        }
        String text = (paper.title + " " + (paper.summary == null ? "" : paper.summary)).toLowerCase(Locale.ROOT);
        if (reader.neverWords.stream().anyMatch(w -> text.contains(w.toLowerCase(Locale.ROOT)))) {
            return true;
        }
        return !reader.mustWords.isEmpty()
                && reader.mustWords.stream().noneMatch(w -> text.contains(w.toLowerCase(Locale.ROOT)));
    }

    private Likes likes(RunPapers run) {
        try {
            return likesOfRun.get(run, this::load);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not read the readers' likes", e.getCause());
        }
    }

    @SuppressWarnings("unchecked")
    private Likes load() {
        Instant since = clock.instant().minus(Duration.ofDays(config.readersLikeYou().days()));
        // The reader's own rating never counts: a paper they rated is not offered to them at all.
        int needed = minReaders();
        return QuarkusTransaction.requiringNew().call(() -> {
            // Likes and saves per paper, as a prefilter (a reader who did both counts twice here, once below).
            Map<String, Long> counts = new HashMap<>();
            for (String query : List.of("select f.id.paperId, count(f) from Feedback f where f.rating > 0 "
                    + "and f.updatedAt >= :since group by f.id.paperId",
                    "select s.id.paperId, count(s) from ReadingListEntry s where s.savedAt >= :since "
                            + "group by s.id.paperId")) {
                for (Object[] row : entityManager.createQuery(query, Object[].class).setParameter("since", since)
                        .getResultList()) {
                    counts.merge((String) row[0], (Long) row[1], Long::sum);
                }
            }
            List<String> liked = counts.entrySet().stream().filter(e -> e.getValue() >= needed)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(MAX_CANDIDATES).map(Map.Entry::getKey).toList();
            if (liked.isEmpty()) {
                return new Likes(Map.of(), Map.of(), Map.of(), List.of());
            }
            List<Object[]> rows = new ArrayList<>(entityManager.createQuery("select f.id.paperId, f.id.readerId, "
                    + "f.rating, f.updatedAt from Feedback f where f.id.paperId in :papers", Object[].class)
                    .setParameter("papers", liked).getResultList());
            rows.addAll(entityManager
                    .createQuery("select s.id.paperId, s.id.readerId, 1, s.savedAt from ReadingListEntry s "
                            + "where s.id.paperId in :papers", Object[].class)
                    .setParameter("papers", liked).getResultList());
            Map<String, Set<Long>> likers = new HashMap<>();
            Map<String, Set<Long>> raters = new HashMap<>();
            Set<Long> likerIds = new HashSet<>();
            for (Object[] row : rows) {
                String paper = (String) row[0];
                long reader = (Long) row[1];
                raters.computeIfAbsent(paper, p -> new HashSet<>()).add(reader);
                // Any rating, however old, keeps the paper from this reader; only recent likes and saves vouch for it.
                if (((Number) row[2]).intValue() > 0 && !((Instant) row[3]).isBefore(since)) {
                    likers.computeIfAbsent(paper, p -> new HashSet<>()).add(reader);
                    likerIds.add(reader);
                }
            }
            Map<Long, Set<String>> topicsOf = new HashMap<>();
            for (Object[] row : entityManager.createQuery("select r.id, r.topics from Reader r where r.id in :ids",
                    Object[].class).setParameter("ids", likerIds).getResultList()) {
                topicsOf.put((Long) row[0], Set.copyOf((List<String>) row[1]));
            }
            Map<String, Paper> papers = new HashMap<>();
            for (Paper paper : Paper.<Paper>list("id in ?1", liked)) {
                paper.authors.size();
                paper.categories.size();
                papers.put(paper.id, paper);
            }
            List<Paper> ordered = liked.stream().map(papers::get).filter(p -> p != null && likers.containsKey(p.id))
                    .toList();
            return new Likes(sorted(likers), sorted(raters), topicsOf, ordered);
        });
    }

    private static Map<String, long[]> sorted(Map<String, Set<Long>> ids) {
        Map<String, long[]> sorted = new HashMap<>();
        ids.forEach((paper, readers) -> {
            long[] array = readers.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(array);
            sorted.put(paper, array);
        });
        return sorted;
    }
}
