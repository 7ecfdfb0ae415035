package io.paperpost.mail.bench;

import io.paperpost.mail.MimeMessages;
import io.paperpost.mail.OutgoingMail;
import io.paperpost.mail.SmtpMailSender;
import io.paperpost.mail.TestMailConfig;
import jakarta.mail.internet.InternetAddress;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Sends {@code bench.messages} digest-like emails with {@code bench.size} bytes of text and HTML (default 15,000: about 20 KB on the wire once Base64-encoded) through
 * {@link SmtpMailSender} with {@code bench.sessions} pooled connections and as many threads to an SMTP server
 * on {@code bench.send.port} (Postfix's smtp-sink in {@code bench/send/run.sh}). Each message is built from
 * scratch (MIME, QP encoding), as in a digest run. Prints lines starting with BENCH.
 */
@EnabledIfSystemProperty(named = "bench.send.port", matches = "\\d+")
class SendBenchmark {

    @Test
    void send() throws Exception {
        int port = Integer.getInteger("bench.send.port");
        int sessions = Integer.getInteger("bench.sessions", 4);
        int messages = Integer.getInteger("bench.messages", 20_000);
        int size = Integer.getInteger("bench.size", 15_000);
        String html = fill(Files.readString(Path.of("src/test/resources/mail/snapshots/digest.html")), size * 2 / 3);
        String text = fill(Files.readString(Path.of("src/test/resources/mail/snapshots/digest.txt")), size / 3);

        try (SmtpMailSender sender = new SmtpMailSender(TestMailConfig.smtp(port).withConnections(sessions),
                new InternetAddress("PaperPost <digest@paperpost.example>"))) {
            run(sender, "warm-up", Math.min(2_000, messages), sessions, text, html);
            run(sender, "send", messages, sessions, text, html);
        }
        java.io.ByteArrayOutputStream wire = new java.io.ByteArrayOutputStream();
        MimeMessages.build(jakarta.mail.Session.getInstance(new java.util.Properties()),
                new InternetAddress("PaperPost <digest@paperpost.example>"), mail(0, text, html)).writeTo(wire);
        System.out.printf(Locale.ROOT,
                "BENCH message: %d bytes of text+html (UTF-8), %d bytes on the wire (MIME, Base64 bodies)%n",
                (text + html).getBytes(StandardCharsets.UTF_8).length, wire.size());
    }

    private static void run(SmtpMailSender sender, String label, int messages, int sessions, String text, String html)
            throws Exception {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        AtomicLong cpuNanos = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(sessions);
        long started = System.nanoTime();
        List<Future<?>> parts = new ArrayList<>();
        for (int t = 0; t < sessions; t++) {
            parts.add(threads.submit(() -> {
                long cpuStart = cpu.getCurrentThreadCpuTime();
                for (int i = next.getAndIncrement(); i < messages; i = next.getAndIncrement()) {
                    sender.send(mail(i, text, html));
                }
                cpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - cpuStart);
                return null;
            }));
        }
        for (Future<?> part : parts) {
            part.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        threads.shutdown();
        System.out.printf(Locale.ROOT,
                "BENCH %s: %d messages, %d sessions, %.2f s = %.0f messages/s; sender CPU %.1f µs per message%n",
                label, messages, sessions, seconds, messages / seconds, cpuNanos.get() / 1e3 / messages);
    }

    private static OutgoingMail mail(int i, String text, String html) {
        return new OutgoingMail("reader" + i + "@example.org", (i % 10 + 1) + " new papers on Diffusion — Tue 24 Nov",
                text, html, "digest-" + i + "-2026-11-24@paperpost.example",
                Map.of("List-Unsubscribe-Post", "List-Unsubscribe=One-Click",
                        "List-Unsubscribe", "<https://paperpost.example/unsubscribe/" + i + ">"));
    }

    /** The snapshot repeated up to the given length, so the message has a digest's mix of markup and text. */
    private static String fill(String sample, int length) {
        StringBuilder out = new StringBuilder(length + sample.length());
        while (out.length() < length) {
            out.append(sample);
        }
        return out.substring(0, length);
    }
}
