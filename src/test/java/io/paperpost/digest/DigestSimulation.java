package io.paperpost.digest;

import com.icegreen.greenmail.util.GreenMail;
import io.paperpost.TestClock;
import io.paperpost.TestData;
import io.paperpost.mail.GreenMailResource;
import io.paperpost.mail.MimeParts;
import io.paperpost.papers.ListSource;
import io.paperpost.papers.PaperImporter;
import io.paperpost.papers.PaperRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.Dependent;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Days of the scheduled path under a clock moved in steps: imports land when the schedule says, the digest's
 * scheduled run fires at every step, and every email GreenMail receives is kept with the instant it was sent. A
 * test injects one and calls {@link #begin()} before each test and {@link #end()} after it.
 */
@Dependent
final class DigestSimulation {

    /** One received email: to whom, when (the step's instant), and the arXiv ids it links to. */
    record Email(String to, Instant at, String subject, Set<String> paperIds) {
    }

    private static final Pattern ARXIV_LINK = Pattern.compile("arxiv\\.org/abs/(\\d{4}\\.\\d{5})");

    private final TestData data;
    private final TestClock clock;
    private final DigestService digest;
    private final PaperImporter importer;
    private final GreenMail mail = GreenMailResource.greenMail();
    private final NavigableMap<Instant, List<PaperRecord>> imports = new TreeMap<>();
    private final Map<String, Instant> availableAt = new TreeMap<>();
    private final List<Email> emails = new ArrayList<>();

    DigestSimulation(TestData data, TestClock clock, DigestService digest, PaperImporter importer) {
        this.data = data;
        this.clock = clock;
        this.digest = digest;
        this.importer = importer;
    }

    /** Empty tables (no readers, papers, runs) and nothing published or received yet. */
    void begin() {
        data.reset();
        QuarkusTransaction.requiringNew().run(() -> DigestRun.deleteAll());
        imports.clear();
        availableAt.clear();
        emails.clear();
    }

    /** The clock back to real time, for the tests that follow. */
    void end() {
        clock.reset();
    }

    /** A paper the fake Hugging Face source lists at the instant. */
    DigestSimulation publish(Instant at, PaperRecord paper) {
        imports.computeIfAbsent(at, t -> new ArrayList<>()).add(paper);
        return this;
    }

    /** Runs from one instant to the other: at each step, the imports due by then, then the scheduled run. */
    void run(Instant from, Instant until, Duration step) throws Exception {
        for (Instant tick = from; !tick.isAfter(until); tick = tick.plus(step)) {
            Instant now = tick;
            clock.set(now);
            for (Map.Entry<Instant, List<PaperRecord>> due : imports.headMap(now, true).entrySet()) {
                importer.run(new ListSource("huggingface", due.getValue()), LocalDate.ofInstant(now, ZoneOffset.UTC));
                due.getValue().forEach(p -> availableAt.put(p.id(), now));
            }
            imports.headMap(now, true).clear();
            digest.runDue(now, RunTrigger.SCHEDULE);
            // GreenMail lists messages by mailbox, not by arrival: empty it at every step.
            for (MimeMessage received : mail.getReceivedMessages()) {
                emails.add(email(received, now));
            }
            mail.purgeEmailFromAllMailboxes();
        }
    }

    private static Email email(MimeMessage message, Instant at) throws Exception {
        Set<String> ids = new LinkedHashSet<>();
        Matcher links = ARXIV_LINK.matcher(MimeParts.find(message, "text/plain"));
        while (links.find()) {
            ids.add(links.group(1));
        }
        return new Email(message.getRecipients(Message.RecipientType.TO)[0].toString(), at, message.getSubject(), ids);
    }

    List<Email> emails() {
        return emails;
    }

    List<Email> emailsTo(String address) {
        return emails.stream().filter(e -> e.to().equals(address)).toList();
    }

    /** When each published paper was imported. */
    Map<String, Instant> availableAt() {
        return availableAt;
    }

    /**
     * What went wrong for one reader, as lines: papers that never arrived, arrived twice or not in the first email
     * after their import; emails off the reader's hour; two emails on one local date. Empty when all is well.
     *
     * @param onTopic the papers that fit the reader
     */
    List<String> problems(String address, ZoneId zone, int hour, Set<String> onTopic) {
        List<String> problems = new ArrayList<>();
        List<Email> mine = emailsTo(address);
        Instant last = mine.isEmpty() ? Instant.MIN : mine.get(mine.size() - 1).at();
        for (String id : onTopic) {
            Instant imported = availableAt.get(id);
            List<Email> holding = mine.stream().filter(e -> e.paperIds().contains(id)).toList();
            // The step that imports a paper runs the digest right after: its emails may hold it.
            Email firstAfter = mine.stream().filter(e -> !e.at().isBefore(imported)).findFirst().orElse(null);
            if (imported.isAfter(last)) {
                if (!holding.isEmpty()) {
                    problems.add(id + " sent before it was imported");
                }
            } else if (holding.isEmpty()) {
                problems.add(id + " (imported " + imported + ") never arrived");
            } else if (holding.size() > 1) {
                problems.add(id + " arrived " + holding.size() + " times");
            } else if (holding.get(0) != firstAfter) {
                problems.add(id + " (imported " + imported + ") came in the email of " + holding.get(0).at()
                        + ", not in the first one after its import (" + (firstAfter == null ? "none" : firstAfter.at())
                        + ")");
            }
        }
        Set<LocalDate> dates = new LinkedHashSet<>();
        for (Email email : mine) {
            var local = email.at().atZone(zone);
            if (local.getHour() != hour || local.getMinute() >= 15) {
                problems.add("email at " + local.toLocalTime() + " local, not at " + hour + ":00");
            }
            if (!dates.add(local.toLocalDate())) {
                problems.add("a second email on " + local.toLocalDate());
            }
        }
        return problems;
    }
}
