package io.paperpost.readinglist;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.icegreen.greenmail.util.GreenMail;
import io.paperpost.TestData;
import io.paperpost.mail.GreenMailResource;
import io.paperpost.mail.MimeParts;
import io.paperpost.mail.ReceivedMail;
import io.paperpost.papers.Paper;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderStatus;
import io.paperpost.subscription.ReaderTokens;
import io.paperpost.subscription.TokenPurpose;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Save links of a received digest and the reading list they lead to: opening a link saves nothing, its button
 * saves once, and the list's forms mark read, keep notes and remove; foreign and tampered links see nothing.
 */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class ReadingListEndToEndTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final String BASE = "http://localhost:8080";
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");

    @Inject
    TestData data;
    @Inject
    ReaderTokens tokens;
    @Inject
    ReadingListService readingList;
    @Inject
    ReadingListLinks links;

    GreenMail mail;

    @BeforeEach
    void setUp() {
        data.reset();
        mail = GreenMailResource.greenMail();
    }

    @Test
    void savingAPaperFromTheEmailShowsItOnTheReadingList() throws Exception {
        data.demoPapersFirstSeenOn(DAY);
        long readerId = activeReader("saver@example.org");
        MimeMessage digest = digest();
        List<String> saveLinks = ReceivedMail.links(digest, BASE + "/save/");
        assertThat(saveLinks).as("a Save link per paper, in the text part").hasSize(10);
        assertThat(MimeParts.find(digest, "text/html")).contains("🔖 Save").contains(BASE + "/save/")
                .contains(BASE + "/reading-list/");
        String firstTitle = MimeParts.find(digest, "text/plain").lines().filter(l -> l.startsWith("1. "))
                .findFirst().orElseThrow().substring(3);
        String save = ReceivedMail.path(saveLinks.get(0));

        // A mail scanner opening the link (HEAD, GET) saves nothing; the page asks with one button.
        given().head(save).then().statusCode(200);
        given().get(save).then().statusCode(200).body(containsString("Save “" + escape(firstTitle) + "”"))
                .body(containsString("<form method=\"post\""));
        assertThat(entries(readerId)).isEmpty();

        // Pressing it saves; pressing it again keeps one entry.
        String saved = given().post(save).then().statusCode(200).body(containsString("Saved to your reading list"))
                .extract().asString();
        given().post(save).then().statusCode(200);
        assertThat(entries(readerId)).hasSize(1);

        // Undo removes it; saving again brings it back.
        given().post(ReceivedMail.path(action(saved, "/undo"))).then().statusCode(200)
                .body(containsString("Removed from your reading list"));
        assertThat(entries(readerId)).isEmpty();
        given().post(save).then().statusCode(200);

        // The list, from the email's footer link and from the saved page: the same reader, the paper on it.
        List<String> listLinks = ReceivedMail.links(digest, BASE + "/reading-list/");
        assertThat(listLinks).hasSize(1);
        assertThat(saved).contains("/reading-list/");
        String list = ReceivedMail.path(listLinks.get(0));
        String page = given().get(list).then().statusCode(200).body(containsString(escape(firstTitle)))
                .body(containsString("Unread")).body(containsString("export.bib")).extract().asString();
        String paperId = entries(readerId).get(0).id.paperId;

        // Mark read, then unread.
        given().formParam("paper", paperId).formParam("read", "true").formParam("formToken", formToken(page))
                .post(list + "/read").then().statusCode(200).body(containsString("Mark as unread"));
        assertThat(entries(readerId).get(0).readAt).isNotNull();
        given().formParam("paper", paperId).formParam("read", "false").formParam("formToken", formToken(page))
                .post(list + "/read").then().statusCode(200).body(containsString("Mark as read"));
        assertThat(entries(readerId).get(0).readAt).isNull();

        // A note, then refused ones: too long, or with a control character; the typed text comes back.
        given().formParam("paper", paperId).formParam("note", "Read §3 again\r\nthe ablation").formParam("formToken",
                formToken(page)).post(list + "/note").then().statusCode(200).body(containsString("Note saved"))
                .body(containsString("Read §3 again\nthe ablation"));
        assertThat(entries(readerId).get(0).note).isEqualTo("Read §3 again\nthe ablation");
        given().formParam("paper", paperId).formParam("note", "x".repeat(1001)).formParam("formToken",
                formToken(page)).post(list + "/note").then().statusCode(400)
                .body(containsString("at most 1,000 characters; this one has 1,001"))
                .body(containsString("aria-invalid=\"true\""));
        given().formParam("paper", paperId).formParam("note", "bell\u0007").formParam("formToken", formToken(page))
                .post(list + "/note").then().statusCode(400).body(containsString("control character"));
        assertThat(entries(readerId).get(0).note).isEqualTo("Read §3 again\nthe ablation");

        // Remove: the friendly empty list.
        given().formParam("paper", paperId).formParam("formToken", formToken(page)).post(list + "/remove").then()
                .statusCode(200).body(containsString("Removed from your reading list"))
                .body(containsString("Nothing saved yet"));
        assertThat(entries(readerId)).isEmpty();
        // A change to an entry no longer there is a 400 with the reason, not an error page.
        given().formParam("paper", paperId).formParam("read", "true").formParam("formToken", formToken(page))
                .post(list + "/read").then().statusCode(400).body(containsString("not on your reading list"));
    }

    @Test
    void tamperedAndForeignLinksSeeAndChangeNothing() {
        data.demoPapersFirstSeenOn(DAY);
        long owner = activeReader("owner@example.org");
        long other = activeReader("other@example.org");
        String paperId = QuarkusTransaction.requiringNew().call(() -> Paper.<Paper>findAll().firstResult().id);
        readingList.save(owner, paperId);
        String title = QuarkusTransaction.requiringNew().call(() -> Paper.<Paper>findById(paperId).title);

        String save = links.saveToken(other, paperId);
        String tampered = save.substring(0, save.length() - 2) + (save.endsWith("AA") ? "BB" : "AA");
        given().get("/save/" + tampered).then().statusCode(404).body(containsString("This link is not valid"));
        given().post("/save/" + tampered).then().statusCode(404);
        given().get("/save/" + tokens.issue(TokenPurpose.FEEDBACK, other)).then().statusCode(404);
        String list = tokens.issue(TokenPurpose.READING_LIST, owner);
        String tamperedList = list.substring(0, list.length() - 2) + (list.endsWith("AA") ? "BB" : "AA");
        given().get("/reading-list/" + tamperedList).then().statusCode(404);
        given().get("/reading-list/" + tamperedList + "/export.bib").then().statusCode(404);
        given().get("/reading-list/" + tokens.issue(TokenPurpose.MANAGE, owner)).then().statusCode(404);
        assertThat(entries(other)).isEmpty();

        // The other reader's own list shows nothing of the owner's, and cannot remove from it.
        String otherList = "/reading-list/" + tokens.issue(TokenPurpose.READING_LIST, other);
        given().get(otherList).then().statusCode(200).body(not(containsString(escape(title))))
                .body(containsString("Nothing saved yet"));
        given().formParam("paper", paperId).post(otherList + "/remove").then().statusCode(200);
        assertThat(entries(owner)).hasSize(1);
        given().get("/reading-list/" + list).then().statusCode(200).body(containsString(escape(title)));
    }

    @Test
    void aPaperNoLongerStoredStaysOnTheListAsGoneAndOutOfTheExports() {
        data.demoPapersFirstSeenOn(DAY);
        long readerId = activeReader("keeper@example.org");
        List<Paper> papers = QuarkusTransaction.requiringNew().call(() -> Paper.<Paper>findAll().page(0, 2).list());
        papers.forEach(p -> readingList.save(readerId, p.id));
        QuarkusTransaction.requiringNew().run(() -> Paper.deleteById(papers.get(0).id));
        String list = "/reading-list/" + tokens.issue(TokenPurpose.READING_LIST, readerId);
        given().get(list).then().statusCode(200).body(containsString("no longer stored"))
                .body(containsString(escape(papers.get(1).title)));
        String json = given().get(list + "/export.json").then().statusCode(200).extract().asString();
        assertThat(json).contains(papers.get(1).title.replace("\"", "\\\"")).doesNotContain(papers.get(0).id);
    }

    @Test
    void theDataExportListsTheReadingListAndErasingRemovesIt() {
        data.demoPapersFirstSeenOn(DAY);
        long readerId = activeReader("leaver@example.org");
        String paperId = QuarkusTransaction.requiringNew().call(() -> Paper.<Paper>findAll().firstResult().id);
        readingList.save(readerId, paperId);
        readingList.note(readerId, paperId, "mine");
        String prefs = "/preferences/" + tokens.issue(TokenPurpose.MANAGE, readerId);
        given().get(prefs).then().statusCode(200).body(containsString("/reading-list/"));
        given().get(prefs + "/export").then().statusCode(200).body("readingList[0].paperId", is(paperId))
                .body("readingList[0].note", is("mine"));
        given().formParam("confirm", "yes").post(prefs + "/delete").then().statusCode(200);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ReadingListEntry.count())).isZero();
    }

    private MimeMessage digest() throws Exception {
        TestData.asAdmin().queryParam("date", DAY.toString()).post("/api/v1/admin/digests").then().statusCode(200)
                .body("sent", is(1));
        assertThat(mail.waitForIncomingEmail(5_000, 1)).as("an email arrived").isTrue();
        List<MimeMessage> received = List.of(mail.getReceivedMessages());
        assertThat(received).hasSize(1);
        GreenMailResource.purge();
        return received.get(0);
    }

    private static String action(String page, String ending) {
        Matcher m = Pattern.compile("action=\"([^\"]*" + Pattern.quote(ending) + ")\"").matcher(page);
        assertThat(m.find()).as("a form ending in %s", ending).isTrue();
        return m.group(1);
    }

    private static String formToken(String page) {
        Matcher m = FORM_TOKEN.matcher(page);
        assertThat(m.find()).as("a form token").isTrue();
        return m.group(1);
    }

    private static List<ReadingListEntry> entries(long readerId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> new ArrayList<>(ReadingListEntry.<ReadingListEntry>list("id.readerId", readerId)));
    }

    static String escape(String title) {
        return title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    static long activeReader(String email) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Reader reader = new Reader();
            reader.setEmail(email);
            reader.status = ReaderStatus.ACTIVE;
            reader.topics = new ArrayList<>(List.of("diffusion"));
            reader.interests = "";
            reader.createdAt = Instant.now();
            reader.confirmedAt = Instant.now();
            reader.persist();
            return reader.id;
        });
    }
}
