package io.paperpost.ranking.bench;

import io.paperpost.embedding.InterestEmbedder;
import io.paperpost.embedding.SentenceEmbedder;
import io.paperpost.ranking.CandidatePaper;
import io.paperpost.ranking.RankedPaper;
import io.paperpost.ranking.Ranker;
import io.paperpost.ranking.ReaderProfile;
import io.paperpost.ranking.SemanticProfile;
import io.paperpost.ranking.SemanticVector;
import io.paperpost.ranking.Topic;
import io.paperpost.ranking.eval.EvalData;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Speed benchmark: 2,000 synthetic papers recombined from the sample's titles and abstract sentences, 100,000
 * synthetic readers, one index, top 10 for every reader on N threads. See bench/ranking/README.md.
 *
 * <p>Arguments (all optional): papers readers threads seed. With {@code -Dbench.semantic=true} the papers and the
 * interests are embedded first (the papers' embedding timed: wall and process CPU), the pool of interest texts is
 * {@code bench.interests} (default 5,000) strings, and every reader is ranked twice in the same run: by words
 * only, then by words and meaning. {@code -Dbench.unshared=true} gives every reader's aspects a text of its own, so
 * that no reader shares the nearest-paper work of another (as if no two readers typed the same interests).
 */
public final class RankingBenchmark {

    public static void main(String[] args) throws Exception {
        int paperCount = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int readerCount = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
        Random random = new Random(seed);

        List<CandidatePaper> sample = EvalData.tuners().papers();
        List<Topic> topics = EvalData.loadTopics(Path.of("config/topics.json"));
        LocalDate today = LocalDate.of(2025, 10, 24);

        // ---- papers: a real title's first part + another's second part, 4-9 real abstract sentences
        List<String> sentences = new ArrayList<>();
        List<String[]> titleParts = new ArrayList<>();
        for (CandidatePaper p : sample) {
            for (String s : p.summary().split("(?<=[.!?])\\s+")) {
                if (s.length() > 30) {
                    sentences.add(s);
                }
            }
            String[] words = p.title().split("\\s+");
            int cut = Math.max(1, words.length / 2);
            titleParts.add(new String[]{String.join(" ", List.of(words).subList(0, cut)),
                    String.join(" ", List.of(words).subList(cut, words.length))});
        }
        List<String> authorPool = new ArrayList<>();
        String[] first = {"Ana", "Wei", "José", "Priya", "Lukas", "Mei", "Omar", "Sara", "Kenji", "Elena", "Yuki",
                "David", "Fatima", "Ivan", "Chen", "Laura", "Ahmed", "Nora", "Pablo", "Hana"};
        String[] last = {"García", "Zhang", "Kumar", "Müller", "Wang", "Sato", "Silva", "Kim", "Novak", "Rossi",
                "Li", "Smith", "Haddad", "Petrov", "Liu", "Nguyen", "Cohen", "Okafor", "Lopez", "Tanaka"};
        for (String f : first) {
            for (String l : last) {
                authorPool.add(f + " " + l);
                authorPool.add(f.charAt(0) + ". " + l + "-" + f);
            }
        }
        List<String> categoryPool = topics.stream().flatMap(t -> t.categories().stream()).distinct().toList();
        List<CandidatePaper> papers = new ArrayList<>(paperCount);
        for (int i = 0; i < paperCount; i++) {
            String title = titleParts.get(random.nextInt(titleParts.size()))[0] + " "
                    + titleParts.get(random.nextInt(titleParts.size()))[1];
            StringBuilder summary = new StringBuilder();
            int n = 4 + random.nextInt(6);
            for (int s = 0; s < n; s++) {
                summary.append(sentences.get(random.nextInt(sentences.size()))).append(' ');
            }
            List<String> authors = new ArrayList<>();
            int a = 2 + random.nextInt(6);
            for (int k = 0; k < a; k++) {
                authors.add(authorPool.get(zipf(random, authorPool.size(), 1.0)));
            }
            Set<String> categories = new HashSet<>();
            if (random.nextBoolean()) {
                categories.add(categoryPool.get(random.nextInt(categoryPool.size())));
            }
            int upvotes = random.nextInt(4) == 0
                    ? 0
                    : (int) Math.min(2_000, Math.floor(Math.pow(random.nextDouble(), -1.2)));
            papers.add(new CandidatePaper("b-" + i, title, summary.toString().strip(), authors, categories, upvotes,
                    today.minusDays(random.nextInt(7))));
        }

        // ---- readers: Zipf topics, interests drawn from the sample's titles, some follow authors
        List<String> vocabulary = new ArrayList<>();
        for (CandidatePaper p : sample) {
            String[] words = p.title().replaceAll("[^\\p{L}\\p{N} -]", " ").split("\\s+");
            for (int start = 0; start + 2 <= words.length; start += 2) {
                vocabulary.add(String.join(" ",
                        List.of(words).subList(start, Math.min(words.length, start + 2 + (start % 3)))));
            }
        }
        // Many readers type popular interests: draw interest strings Zipf-distributed from a pool.
        List<String> interestPool = new ArrayList<>();
        boolean semantic = Boolean.getBoolean("bench.semantic");
        boolean unshared = Boolean.getBoolean("bench.unshared");
        int poolSize = semantic ? Integer.getInteger("bench.interests", 5_000) : 30_000;
        for (int i = 0; i < poolSize; i++) {
            int parts = 1 + random.nextInt(3);
            List<String> chosen = new ArrayList<>();
            for (int k = 0; k < parts; k++) {
                chosen.add(vocabulary.get(random.nextInt(vocabulary.size())).toLowerCase(Locale.ROOT));
            }
            interestPool.add(String.join(", ", chosen));
        }
        List<ReaderProfile> readers = new ArrayList<>(readerCount);
        double[] trendWeights = {0.0, 0.3, 0.3, 0.3, 0.5, 1.0};
        for (int r = 0; r < readerCount; r++) {
            Set<String> chosenTopics = new HashSet<>();
            int t = random.nextInt(4);
            for (int k = 0; k < t; k++) {
                chosenTopics.add(topics.get(zipf(random, topics.size(), 1.1)).id());
            }
            String interests = random.nextInt(10) == 0 ? "" : interestPool.get(zipf(random, interestPool.size(), 0.9));
            List<String> followed = new ArrayList<>();
            if (random.nextInt(5) == 0) {
                int f = 1 + random.nextInt(5);
                for (int k = 0; k < f; k++) {
                    followed.add(authorPool.get(random.nextInt(authorPool.size())));
                }
            }
            Set<String> excluded = new HashSet<>();
            for (int k = random.nextInt(4); k > 0; k--) {
                excluded.add("b-" + random.nextInt(paperCount));
            }
            ReaderProfile profile = new ReaderProfile(chosenTopics, interests, followed,
                    trendWeights[random.nextInt(trendWeights.length)], excluded);
            if (random.nextInt(10) == 0) {
                profile = profile.withExploration(false);
            }
            readers.add(profile);
        }

        System.out.printf(Locale.ROOT, "papers %d, readers %d, threads %d, cores %d, java %s%n", paperCount,
                readerCount, threads, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        if (semantic) {
            SentenceEmbedder embedder = new SentenceEmbedder();
            embedder.embed("warm up the model");
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            List<SemanticVector> vectors = new ArrayList<>();
            for (int from = 0; from < papers.size(); from += 32) {
                vectors.addAll(embedder.embedAll(papers.subList(from, Math.min(papers.size(), from + 32)).stream()
                        .map(p -> SentenceEmbedder.paperText(p.title(), p.summary())).toList()));
            }
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            double wall = (System.nanoTime() - wall0) / 1e9;
            System.out.printf(Locale.ROOT, "embedded %d papers: %.1f s wall, %.1f s process CPU (%.1f ms CPU per "
                    + "paper)%n", papers.size(), wall, cpu, cpu * 1000 / papers.size());
            for (int i = 0; i < papers.size(); i++) {
                papers.set(i, papers.get(i).withMeaning(vectors.get(i)));
            }
            InterestEmbedder interests = new InterestEmbedder(embedder);
            long e0 = System.nanoTime();
            java.util.Map<String, List<SemanticProfile.Aspect>> aspects = new java.util.concurrent.ConcurrentHashMap<>();
            interestPool.parallelStream().forEach(t -> aspects.put(t, interests.aspects(t)));
            System.out.printf(Locale.ROOT, "embedded %d interest texts in %.1f s (not part of ranking: stored with "
                    + "the readers)%n", interestPool.size(), (System.nanoTime() - e0) / 1e9);
            List<ReaderProfile> words = List.copyOf(readers);
            readers.clear();
            int r = 0;
            for (ReaderProfile p : words) {
                List<SemanticProfile.Aspect> own = aspects.getOrDefault(p.interests(), List.of());
                if (unshared) {
                    int id = r;
                    own = own.stream().map(a -> new SemanticProfile.Aspect(a.text() + " #" + id, a.vector(),
                            a.negative())).toList();
                }
                readers.add(p.withSemantic(new SemanticProfile(own, List.of(), List.of())));
                r++;
            }
            Ranker wordsRanker = new Ranker(topics);
            List<CandidatePaper> plain = papers.stream().map(p -> p.withMeaning(null)).toList();
            rankAll(wordsRanker.index(plain, today), words.subList(0, Math.min(words.size(), 20_000)), threads);
            long w0 = System.nanoTime();
            rankAll(wordsRanker.index(plain, today), words, threads);
            double wordsSeconds = (System.nanoTime() - w0) / 1e9;
            System.out.printf(Locale.ROOT, "words only (anchor, same run): %.0f readers/s%n",
                    words.size() / wordsSeconds);
        }
        resetPeaks();
        long t0 = System.nanoTime();
        Ranker ranker = new Ranker(topics);
        Ranker.DayIndex index = ranker.index(papers, today);
        long t1 = System.nanoTime();
        System.out.printf(Locale.ROOT, "index: %.0f ms for %d papers%n", (t1 - t0) / 1e6, index.size());

        // warm-up on a slice (JIT), with a fresh index afterwards so caches do not carry over
        rankAll(index, readers.subList(0, Math.min(readers.size(), 20_000)), threads);
        index = ranker.index(papers, today);

        long start = System.nanoTime();
        long[] totals = rankAll(index, readers, threads);
        long elapsed = System.nanoTime() - start;
        double seconds = elapsed / 1e9;
        System.out.printf(Locale.ROOT, "ranked %d readers (top 10%s) in %.2f s: %.0f readers/s%n", readers.size(),
                semantic ? ", words and meaning" + (unshared ? ", no shared aspects" : "") : "", seconds,
                readers.size() / seconds);
        System.out.printf(Locale.ROOT, "picks %d, trending-fallback readers %d, empty lists %d%n", totals[0], totals[1],
                totals[2]);
        double cpuSeconds = totals[3] / 1e9;
        System.out.printf(Locale.ROOT, "ranking CPU time %.2f s: %.1f us per reader, %.0f readers per CPU-second "
                + "(x %d threads = %.0f readers/s if the cores were not shared)%n", cpuSeconds,
                cpuSeconds * 1e6 / readers.size(), readers.size() / cpuSeconds, threads,
                threads * readers.size() / cpuSeconds);
        System.out.printf(Locale.ROOT, "load average at the end: %.2f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "peak heap (sum of heap pools' peaks since start of indexing): %.0f MiB%n",
                peakHeap() / 1048576.0);
    }

    private static long[] rankAll(Ranker.DayIndex index, List<ReaderProfile> readers, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            int chunk = (readers.size() + threads - 1) / threads;
            for (int t = 0; t < threads; t++) {
                List<ReaderProfile> part = readers.subList(Math.min(readers.size(), t * chunk),
                        Math.min(readers.size(), (t + 1) * chunk));
                futures.add(pool.submit(() -> {
                    long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                    long picks = 0;
                    long trending = 0;
                    long empty = 0;
                    for (ReaderProfile reader : part) {
                        List<RankedPaper> list = index.rank(reader, 10);
                        picks += list.size();
                        if (list.isEmpty()) {
                            empty++;
                        } else if (list.get(0).trending()) {
                            trending++;
                        }
                    }
                    long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart;
                    return new long[]{picks, trending, empty, cpu};
                }));
            }
            long[] totals = new long[4];
            for (Future<long[]> f : futures) {
                long[] r = f.get();
                for (int i = 0; i < 4; i++) {
                    totals[i] += r[i];
                }
            }
            return totals;
        } finally {
            pool.shutdown();
        }
    }

    /** Zipf-like index in [0, n): rank k drawn with probability proportional to 1 / (k + 1)^s. */
    static int zipf(Random random, int n, double s) {
        double u = random.nextDouble();
        if (Math.abs(s - 1.0) < 1e-9) {
            return (int) Math.min(n - 1, Math.floor(Math.exp(u * Math.log(n + 1.0)) - 1));
        }
        double a = 1 - s;
        double x = Math.pow(u * (Math.pow(n + 1.0, a) - 1) + 1, 1 / a) - 1;
        return (int) Math.min(n - 1, Math.max(0, Math.floor(x)));
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
