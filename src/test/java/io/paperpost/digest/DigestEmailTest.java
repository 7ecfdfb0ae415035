package io.paperpost.digest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.icegreen.greenmail.util.GreenMail;
import io.paperpost.TestData;
import io.paperpost.feedback.Feedback;
import io.paperpost.feedback.FeedbackId;
import io.paperpost.followups.FollowUp;
import io.paperpost.mail.GreenMailResource;
import io.paperpost.mail.MimeParts;
import io.paperpost.mail.OutgoingMail;
import io.paperpost.papers.Paper;
import io.paperpost.ranking.RankedPaper;
import io.paperpost.subscription.MailFormat;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The digest email itself: snapshots of both bodies and the headers for a fixed reader and day, the plain-text
 * format, header encoding, and the links of a received email (followed from the HTML part).
 *
 * <p>After an intended change to the email, update the snapshots with
 * {@code ./mvnw -B -o test -Dtest=DigestEmailTest -Dsnapshots.update=true} and review the diff.
 */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
@TestProfile(DigestEmailTest.WithUnsubscribeMailbox.class)
class DigestEmailTest {

    /** Unsubscribe by email configured, so List-Unsubscribe carries a mailto beside the https link. */
    public static class WithUnsubscribeMailbox implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("paperpost.mail.unsubscribe-mailto", "unsubscribe@paperpost.localhost");
        }
    }

    static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    static final Path SNAPSHOTS = Path.of("src/test/resources/mail/snapshots");
    /** Signed tokens carry their issue time, so snapshots show them as TOKEN. */
    static final Pattern TOKEN = Pattern
            .compile(
                    "(/(?:unsubscribe|preferences|feedback|digests?|steer|save|reading-list|feed)/|unsubscribe%20)[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    @Inject
    DigestComposer composer;
    @Inject
    DigestService digest;
    @Inject
    TestData data;

    GreenMail mail;

    @BeforeEach
    void setUp() {
        data.reset();
        mail = GreenMailResource.greenMail();
    }

    @Test
    void htmlTextAndHeadersMatchTheSnapshots() throws IOException {
        OutgoingMail email = composer.compose(fixedReader(MailFormat.HTML), DAY, fixedPicks(), false, fixedPapers());

        assertThat(email.subject())
                .isEqualTo("3 new papers on Diffusion and generative models, Robotics (cs.RO) — Tue 24 Nov");
        assertThat(email.messageId()).isEqualTo("digest-42-2026-11-24@localhost");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Subject", email.subject());
        headers.put("Message-ID", email.messageId());
        headers.putAll(email.headers());
        StringBuilder headerLines = new StringBuilder();
        headers.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(h -> headerLines.append(h.getKey()).append(": ").append(h.getValue()).append('\n'));

        matchesSnapshot("digest.html", email.html());
        matchesSnapshot("digest.txt", email.text());
        matchesSnapshot("digest.headers.txt", headerLines.toString());
    }

    @Test
    void aCatchUpGroupsItsPapersByTopicAndEndsWithTheUpdatesMatchingTheSnapshots() throws IOException {
        FollowUp update = new FollowUp("2611.00009", "Diffusion policies, the first version",
                "https://arxiv.org/abs/2611.00009", "Accepted: CoRL 2026 · code released",
                "https://github.com/example/first", List.of(7L));
        List<RankedPaper> picks = composer.byTopic(fixedPicks());
        OutgoingMail email = composer.compose(fixedReader(MailFormat.HTML), DAY, picks, false, fixedPapers(),
                new DigestComposer.Extras(null, List.of(update), DAY.minusDays(12)));

        assertThat(email.subject()).isEqualTo("While you were away: 3 new papers on Diffusion and generative models, "
                + "Robotics (cs.RO) — Tue 24 Nov");
        // The topic's group first, the papers without a topic after it.
        assertThat(picks.get(0).topic()).isEqualTo("cs.RO");
        assertThat(email.text()).contains("While you were away: the best 3 papers since your last email on Thu 12 Nov",
                "== Robotics (cs.RO) ==", "== More for you ==", "Updates on papers you follow");
        matchesSnapshot("digest-catch-up.html", email.html());
        matchesSnapshot("digest-catch-up.txt", email.text());
    }

    @Test
    void theHtmlIsMadeForPhonesAndDarkModeWithoutExternalImages() {
        String html = composer.compose(fixedReader(MailFormat.HTML), DAY, fixedPicks(), false, fixedPapers()).html();
        assertThat(html).contains("<meta name=\"color-scheme\" content=\"light dark\">")
                .contains("@media (prefers-color-scheme: dark)")
                .contains("name=\"viewport\"")
                .contains("role=\"presentation\"")
                .doesNotContain("<img").doesNotContain("url(");
        // Titles and other paper text are escaped.
        assertThat(html).contains("Robots &amp; &lt;b&gt;tags&lt;/b&gt;").doesNotContain("<b>tags</b>");
    }

    @Test
    void theUpvoteCountShowsOnceInTheReasonLine() {
        OutgoingMail email = composer.compose(fixedReader(MailFormat.HTML), DAY, fixedPicks(), false, fixedPapers());
        // 184 upvotes: once in the HTML and once in the text part, in the reason; no badge beside it. (Tokens, which
        // could hold "184" by chance, are masked.)
        String html = TOKEN.matcher(email.html()).replaceAll("$1TOKEN");
        String text = TOKEN.matcher(email.text()).replaceAll("$1TOKEN");
        assertThat(html).containsOnlyOnce("184").doesNotContain("▲")
                .contains("<i>matches your interest &#39;diffusion policies&#39; · 184 upvotes</i>");
        assertThat(text).containsOnlyOnce("184").doesNotContain("▲")
                .contains("   Why: matches your interest 'diffusion policies' · 184 upvotes\n");
    }

    @Test
    void theEmailOpensWithViewInYourBrowserAndHasAHeadingForScreenReaders() {
        OutgoingMail email = composer.compose(fixedReader(MailFormat.HTML), DAY, fixedPicks(), false, fixedPapers());
        assertThat(email.html()).containsPattern(
                "<a href=\"http://localhost:8080/digest/[\\w-]+\\.[\\w-]+\" class=\"pp-link\" style=\"color:#2f5bd3;\">"
                        + "View in your browser</a>")
                .containsOnlyOnce("<h1 ").containsOnlyOnce(">PaperPost</a></h1>")
                .contains(">Past emails</a>")
                .doesNotContain("name=\"robots\"");
        // Before the first paper, in both parts.
        assertThat(email.html().indexOf("View in your browser")).isLessThan(email.html().indexOf("<h2 "));
        assertThat(email.text().lines().toList().get(1))
                .matches("View in your browser: http://localhost:8080/digest/\\S+");
        assertThat(email.text()).containsPattern("\nPast emails: http://localhost:8080/digests/\\S+\n");
    }

    @Test
    void plainTextReadersGetTextOnly() {
        OutgoingMail email = composer.compose(fixedReader(MailFormat.PLAIN), DAY, fixedPicks(), false, fixedPapers());
        assertThat(email.html()).isNull();
        assertThat(email.text()).contains("1. Consistency policies: one-step diffusion for robot control");
    }

    @Test
    void receivedDigestHasEncodedHeadersAndItsHtmlLinksWork() throws Exception {
        data.demoPapersFirstSeenOn(DAY);
        long readerId = QuarkusTransaction.requiringNew().call(() -> {
            Reader reader = new Reader();
            reader.setEmail("zoe@exämple.org");
            reader.status = ReaderStatus.ACTIVE;
            // Typed by the reader, with a line break that must not reach the Subject header.
            reader.interests = "Diffusionsmodelle für Roboter\r\nBcc: victim@example.org";
            reader.createdAt = Instant.now();
            reader.persist();
            return reader.id;
        });
        assertThat(digest.run(DAY).sent()).isEqualTo(1);
        assertThat(mail.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage received = mail.getReceivedMessages()[0];

        assertThat(received.getAllRecipients()).hasSize(1);
        assertThat(received.getHeader("Bcc")).isNull();
        assertThat(received.getHeader("Subject")[0]).startsWith("=?UTF-8?");
        assertThat(received.getSubject()).isEqualTo("5 new papers on Diffusionsmodelle für Roboter Bcc… — Tue 24 Nov");
        assertThat(received.getHeader("Date")).hasSize(1);
        assertThat(received.getHeader("Message-ID")).containsExactly("<digest-" + readerId + "-2026-11-24@localhost>");
        assertThat(received.getHeader("Feedback-ID")).containsExactly("digest-20261124:daily:paperpost:paperpost");
        assertThat(received.getHeader("List-Id")).containsExactly("PaperPost daily digest <daily.localhost>");
        assertThat(received.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(MimeUtility.unfold(received.getHeader("List-Unsubscribe")[0])).matches(
                "<http://localhost:8080/unsubscribe/[\\w.-]+>, <mailto:unsubscribe@paperpost.localhost\\?subject=unsubscribe%20[\\w.-]+>");
        assertThat(received.getFrom()[0].toString()).isEqualTo("PaperPost <digest@paperpost.localhost>");

        String html = MimeParts.find(received, "text/html");
        List<String> feedback = links(html, "/feedback/");
        assertThat(feedback).hasSize(10);
        // Opening a link (a mail scanner) records nothing; its page's button does.
        given().get(feedback.get(0)).then().statusCode(200);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Feedback.count("id.readerId", readerId))).isZero();
        given().post(feedback.get(0)).then().statusCode(200);
        Feedback liked = QuarkusTransaction.requiringNew()
                .call(() -> Feedback.<Feedback>find("id.readerId", readerId).singleResult());
        assertThat(liked.rating).isEqualTo(Feedback.LIKE);
        given().post(feedback.get(3)).then().statusCode(200);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Feedback.<Feedback>findById(
                new FeedbackId(readerId, liked.id.paperId)).rating)).isEqualTo(Feedback.LIKE);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Feedback.count("id.readerId = ?1 and rating = ?2",
                readerId, Feedback.DISLIKE))).isEqualTo(1);

        List<String> unsubscribe = links(html, "/unsubscribe/");
        assertThat(unsubscribe).hasSize(1);
        given().get(unsubscribe.get(0)).then().statusCode(200).body(containsString("<form method=\"post\">"));
        assertThat(readerStatus(readerId)).isEqualTo(ReaderStatus.ACTIVE);
        given().post(unsubscribe.get(0)).then().statusCode(200).body(containsString("You are unsubscribed"));
        assertThat(readerStatus(readerId)).isEqualTo(ReaderStatus.UNSUBSCRIBED);
    }

    @Test
    void plainTextReaderReceivesTextPlainOnly() throws Exception {
        data.demoPapersFirstSeenOn(DAY);
        QuarkusTransaction.requiringNew().run(() -> {
            Reader reader = fixedReader(MailFormat.PLAIN);
            reader.id = null;
            reader.createdAt = Instant.now();
            reader.persist();
        });
        assertThat(digest.run(DAY).sent()).isEqualTo(1);
        assertThat(mail.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage received = mail.getReceivedMessages()[0];
        assertThat(received.getContentType()).startsWith("text/plain").contains("UTF-8");
        assertThat(MimeParts.find(received, "text/plain")).contains("Manage preferences: ");
    }

    private static ReaderStatus readerStatus(long readerId) {
        return QuarkusTransaction.requiringNew().call(() -> Reader.<Reader>findById(readerId).status);
    }

    /** The paths of the links in the HTML that go to the given path prefix, for RestAssured on the test port. */
    private static List<String> links(String html, String pathPrefix) {
        List<String> paths = new ArrayList<>();
        Matcher matcher = Pattern.compile("href=\"http://localhost:8080(" + Pattern.quote(pathPrefix) + "[^\"]+)\"")
                .matcher(html);
        while (matcher.find()) {
            paths.add(matcher.group(1));
        }
        return paths;
    }

    static Reader fixedReader(MailFormat format) {
        Reader reader = new Reader();
        reader.id = 42L;
        reader.setEmail("ada@example.org");
        reader.status = ReaderStatus.ACTIVE;
        reader.topics = List.of("diffusion", "cs.RO");
        reader.interests = "diffusion policies for robot manipulation";
        reader.mailFormat = format;
        return reader;
    }

    static Map<String, Paper> fixedPapers() {
        Map<String, Paper> papers = new LinkedHashMap<>();
        papers.put("2611.01234", paper("2611.01234", "Consistency policies: one-step diffusion for robot control",
                List.of("Ana Souza", "Jörg Müller", "Li Wei", "Priya Natarajan", "Tom Baker"), 184,
                "https://github.com/example/consistency-policy",
                "Diffusion policies produce strong robot behaviour but need tens of denoising steps per action. We distil "
                        + "them into consistency policies that act in one step, keep the success rate on 12 manipulation "
                        + "tasks and run at 120 Hz on a laptop GPU. Code and checkpoints are released."));
        papers.put("2611.04321", paper("2611.04321", "Robots & <b>tags</b>: what escapes in a title",
                List.of("Zoë Ångström"), 0, null, "A short abstract."));
        papers.put("t-0000000000ab", paper("t-0000000000ab", "Flow matching for long-horizon manipulation",
                List.of("Chen Hao", "Maria García"), 37, null,
                "We train a flow-matching policy on 40 hours of teleoperation and show it plans long tasks."));
        return papers;
    }

    static List<RankedPaper> fixedPicks() {
        Map<String, Paper> papers = fixedPapers();
        String[] reasons = {"matches your interest 'diffusion policies' · 184 upvotes",
                "outside your usual topics", "in Robotics (cs.RO) · 37 upvotes"};
        List<RankedPaper> picks = new ArrayList<>();
        int i = 0;
        for (Paper paper : papers.values()) {
            picks.add(new RankedPaper(DigestInputs.candidate(paper), 3 - i, Map.of(), reasons[i],
                    i == 1 ? RankedPaper.Kind.EXPLORATION : RankedPaper.Kind.PERSONAL, i == 2 ? "cs.RO" : null));
            i++;
        }
        return picks;
    }

    private static Paper paper(String id, String title, List<String> authors, int upvotes, String codeUrl,
            String summary) {
        Paper paper = new Paper();
        paper.id = id;
        paper.title = title;
        paper.authors = authors;
        paper.upvotes = upvotes;
        paper.codeUrl = codeUrl;
        paper.summary = summary;
        paper.categories = List.of("cs.RO");
        paper.firstSeenOn = DAY;
        return paper;
    }

    private static void matchesSnapshot(String name, String actual) throws IOException {
        String normalized = TOKEN.matcher(actual).replaceAll("$1TOKEN");
        Path file = SNAPSHOTS.resolve(name);
        if (Boolean.getBoolean("snapshots.update") || !Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, normalized, StandardCharsets.UTF_8);
        }
        assertThat(normalized).as("%s (update with -Dsnapshots.update=true)", file)
                .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
