package io.paperpost.digest.bench;

import io.paperpost.digest.DigestComposer;
import io.paperpost.digest.DigestInputs;
import io.paperpost.mail.MailSender;
import io.paperpost.mail.MimeMessages;
import io.paperpost.mail.OutgoingMail;
import io.paperpost.papers.Paper;
import io.paperpost.ranking.RankedPaper;
import io.paperpost.subscription.MailFormat;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Composes the digest email (subject, HTML and text bodies, headers, signed links) for {@code bench.readers}
 * readers (default 200,000) with a fixed set of 10 papers, on {@code bench.threads} threads (default 2), into a
 * sender that discards them; then again with the MIME message built and serialized. Run through
 * {@code bench/render/run.sh}; prints lines starting with BENCH.
 */
@QuarkusTest
@TestProfile(RenderBenchmarkProfile.class)
@EnabledIfSystemProperty(named = "bench.render", matches = "true")
class RenderBenchmark {

    static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    static final String[] TOPICS = {"diffusion", "llm-inference", "cs.RO", "cs.CL", "video-generation", "cs.CV"};

    @Inject
    DigestComposer composer;

    @Test
    void render() throws Exception {
        int readers = Integer.getInteger("bench.readers", 200_000);
        int threads = Integer.getInteger("bench.threads", 2);
        Map<String, Paper> papers = papers(10);
        List<RankedPaper> picks = new ArrayList<>();
        papers.values().forEach(p -> picks.add(new RankedPaper(DigestInputs.candidate(p), 1, Map.of(),
                "matches your interest 'diffusion policies' · " + p.upvotes + " upvotes", RankedPaper.Kind.PERSONAL)));

        Counting discard = new Counting();
        run("warm-up", Math.min(readers, 20_000), threads, picks, papers, discard);
        Counting composeOnly = new Counting();
        run("compose", readers, threads, picks, papers, composeOnly);
        MimeDiscarding mime = new MimeDiscarding();
        run("compose+mime", readers / 2, threads, picks, papers, mime);
        System.out.printf(Locale.ROOT, "BENCH average email: %.1f KB (text+html), %.1f KB as MIME%n",
                composeOnly.chars.get() / 1024.0 / readers, mime.bytes.get() / 1024.0 / (readers / 2));
    }

    private void run(String label, int readers, int threads, List<RankedPaper> picks, Map<String, Paper> papers,
            MailSender sender) throws Exception {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        AtomicLong cpuNanos = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        List<Future<?>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            parts.add(pool.submit(() -> {
                long cpuStart = cpu.getCurrentThreadCpuTime();
                for (int i = first; i < readers; i += threads) {
                    sender.send(composer.compose(reader(i), DAY, picks, false, papers));
                }
                cpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - cpuStart);
                return null;
            }));
        }
        for (Future<?> part : parts) {
            part.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        System.out.printf(Locale.ROOT,
                "BENCH %s: %d emails, %d threads, %.2f s wall = %.0f emails/s; CPU %.2f s = %.1f µs per email%n",
                label, readers, threads, seconds, readers / seconds, cpuNanos.get() / 1e9,
                cpuNanos.get() / 1e3 / readers);
    }

    static Reader reader(int i) {
        Reader reader = new Reader();
        reader.id = 1_000L + i;
        reader.setEmail("reader" + i + "@example.org");
        reader.status = ReaderStatus.ACTIVE;
        reader.topics = List.of(TOPICS[i % TOPICS.length], TOPICS[(i + 1) % TOPICS.length]);
        reader.interests = "diffusion policies for robot manipulation";
        reader.mailFormat = MailFormat.HTML;
        return reader;
    }

    static Map<String, Paper> papers(int count) {
        Map<String, Paper> papers = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            Paper paper = new Paper();
            paper.id = String.format(Locale.ROOT, "2611.%05d", 1000 + i);
            paper.title = "Consistency policies, part " + i + ": one-step diffusion for robot control at 120 Hz";
            paper.authors = List.of("Ana Souza", "Jörg Müller", "Li Wei", "Priya Natarajan");
            paper.upvotes = 10 * i;
            paper.codeUrl = i % 2 == 0 ? "https://github.com/example/policy-" + i : null;
            paper.summary = ("Diffusion policies produce strong robot behaviour but need tens of denoising steps per "
                    + "action. We distil them into consistency policies that act in one step and keep the success "
                    + "rate on twelve manipulation tasks. ").repeat(8);
            paper.categories = List.of("cs.RO", "cs.LG");
            paper.firstSeenOn = DAY;
            papers.put(paper.id, paper);
        }
        return papers;
    }

    /** Discards emails, counting their characters so the work cannot be optimized away. */
    static final class Counting implements MailSender {
        final AtomicLong chars = new AtomicLong();

        @Override
        public void send(OutgoingMail mail) {
            chars.addAndGet(mail.text().length() + (mail.html() == null ? 0 : mail.html().length()));
        }

        @Override
        public String describe() {
            return "discard";
        }
    }

    /** Builds and serializes each email's MIME message, then discards the bytes. */
    static final class MimeDiscarding implements MailSender {
        final AtomicLong bytes = new AtomicLong();
        final Session session = Session.getInstance(new Properties());
        final InternetAddress from;

        MimeDiscarding() throws IOException {
            try {
                from = new InternetAddress("PaperPost <digest@paperpost.example>");
            } catch (jakarta.mail.internet.AddressException e) {
                throw new IOException(e);
            }
        }

        @Override
        public void send(OutgoingMail mail) {
            try {
                // A plain per-message count: an atomic add per byte would measure contention, not MIME.
                long[] count = new long[1];
                MimeMessages.build(session, from, mail).writeTo(new OutputStream() {
                    @Override
                    public void write(int b) {
                        count[0]++;
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        count[0] += len;
                    }
                });
                bytes.addAndGet(count[0]);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String describe() {
            return "mime-discard";
        }
    }
}
