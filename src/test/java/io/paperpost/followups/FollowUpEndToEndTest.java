package io.paperpost.followups;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import com.icegreen.greenmail.util.GreenMail;
import io.paperpost.TestData;
import io.paperpost.mail.GreenMailResource;
import io.paperpost.mail.MimeParts;
import io.paperpost.mail.ReceivedMail;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Updates on papers you follow", through the real links of received emails: a reader who liked or saved a paper
 * hears once of its new version, code, venue and upvotes, below the new papers; a reader who did neither never does.
 */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
public class FollowUpEndToEndTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final String BASE = "http://localhost:8080";
    static final String SECTION = "Updates on papers you follow";
    static final String FOLLOWED_TITLE = "Diffusion policies for robot grasping";

    static final String FIRST_DAY = """
            {"key":"2603.00001v1","title":"Diffusion policies for robot grasping","summary":"A diffusion policy grasps objects.","authors":["Ana Souza"],"upvotes":30}
            {"key":"2603.00002v1","title":"Consistency distillation of diffusion samplers","summary":"One-step diffusion sampling.","authors":["Chen Hao"],"upvotes":10}
            """;
    /** The followed paper's news (version 2, code, an acceptance, 120 upvotes) and two new papers. */
    static final String SECOND_DAY = """
            {"key":"2603.00001v2","title":"Diffusion policies for robot grasping","summary":"A diffusion policy grasps objects.","authors":["Ana Souza"],"upvotes":120,"codeUrl":"https://github.com/example/grasp","comments":"Accepted at CoRL 2026, 12 pages"}
            {"key":"2603.00003v1","title":"Diffusion transformers at scale","summary":"Scaling diffusion backbones.","authors":["Li Wei"],"upvotes":9}
            {"key":"2603.00004v1","title":"Latent diffusion for video","summary":"Video generation with latent diffusion.","authors":["Sam Lee"],"upvotes":5}
            """;
    static final String THIRD_DAY = """
            {"key":"2603.00005v1","title":"Diffusion samplers in one step","summary":"Fast diffusion sampling.","authors":["Kim Ji"],"upvotes":7}
            """;

    @Inject
    TestData data;

    GreenMail mail;

    @BeforeEach
    void setUp() {
        data.reset();
        mail = GreenMailResource.greenMail();
    }

    @Test
    void readersWhoLikedOrSavedAPaperHearOfItsNewsOnceAndOthersNever() throws Exception {
        TestData.postPapers(FIRST_DAY, DAY).statusCode(200).body("added", is(2));
        reader("liker@example.org");
        reader("saver@example.org");
        reader("bystander@example.org");
        Map<String, String> first = digests(DAY, 3);
        // The 👍 and the Save of the followed paper, each confirmed with its page's one button.
        given().post(ReceivedMail.path(linkAfter(first.get("liker@example.org"), FOLLOWED_TITLE, "👍 More like this")))
                .then().statusCode(200);
        given().post(ReceivedMail.path(linkAfter(first.get("saver@example.org"), FOLLOWED_TITLE, "🔖 Save")))
                .then().statusCode(200);

        TestData.postPapers(SECOND_DAY, DAY.plusDays(1)).statusCode(200).body("added", is(2));
        Map<String, String> second = digests(DAY.plusDays(1), 3);
        String update = "Accepted: CoRL 2026 · code released · version 2 is on arXiv · passed 100 upvotes (120 now)";
        for (String follower : List.of("liker@example.org", "saver@example.org")) {
            String text = second.get(follower);
            assertThat(text).contains(SECTION, "- " + FOLLOWED_TITLE, update,
                    "Code: https://github.com/example/grasp");
            // Below the new papers, never instead of them: both of the day's papers are still there.
            assertThat(numbered(text)).containsExactlyInAnyOrder("Diffusion transformers at scale",
                    "Latent diffusion for video");
            assertThat(text.indexOf(SECTION)).isGreaterThan(text.indexOf("Latent diffusion for video"));
        }
        assertThat(second.get("bystander@example.org")).doesNotContain(SECTION).doesNotContain(update);

        // The next email has new papers again, and tells nothing twice.
        TestData.postPapers(THIRD_DAY, DAY.plusDays(2)).statusCode(200).body("added", is(1));
        Map<String, String> third = digests(DAY.plusDays(2), 3);
        third.values().forEach(text -> assertThat(text).doesNotContain(SECTION));
    }

    @Test
    void newsOlderThanTheLikeIsNotAnUpdate() throws Exception {
        TestData.postPapers(FIRST_DAY, DAY).statusCode(200);
        TestData.postPapers(SECOND_DAY, DAY).statusCode(200);
        reader("late@example.org");
        String first = digests(DAY, 1).get("late@example.org");
        given().post(ReceivedMail.path(linkAfter(first, FOLLOWED_TITLE, "👍 More like this"))).then().statusCode(200);
        TestData.postPapers(THIRD_DAY, DAY.plusDays(1)).statusCode(200);
        // The reader liked version 2 with its code: nothing new happened to it since.
        assertThat(digests(DAY.plusDays(1), 1).get("late@example.org")).doesNotContain(SECTION);
    }

    /** Runs the day's digest and returns each recipient's plain text; the inbox is emptied after. */
    private Map<String, String> digests(LocalDate day, int expected) throws Exception {
        TestData.asAdmin().queryParam("date", day.toString()).post("/api/v1/admin/digests").then().statusCode(200)
                .body("sent", is(expected));
        assertThat(mail.waitForIncomingEmail(5_000, expected)).isTrue();
        Map<String, String> texts = new HashMap<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            texts.put(message.getRecipients(Message.RecipientType.TO)[0].toString(),
                    MimeParts.find(message, "text/plain"));
        }
        GreenMailResource.purge();
        assertThat(texts).hasSize(expected);
        return texts;
    }

    /** The link labelled so in the card of the titled paper ("   👍 More like this: http://…"). */
    static String linkAfter(String text, String title, String label) {
        int card = text.indexOf(". " + title);
        assertThat(card).as("a card for %s in%n%s", title, text).isPositive();
        Matcher m = Pattern.compile("^\\s*" + Pattern.quote(label) + ": (" + Pattern.quote(BASE) + "\\S+)$",
                Pattern.MULTILINE).matcher(text);
        assertThat(m.find(card)).as("a link labelled %s", label).isTrue();
        return m.group(1);
    }

    static List<String> numbered(String text) {
        return text.lines().filter(l -> l.matches("\\d+\\. .*")).map(l -> l.substring(l.indexOf(". ") + 2)).toList();
    }

    /** An active reader interested in diffusion, without exploration picks. */
    public static long reader(String email, String... topics) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Reader reader = new Reader();
            reader.setEmail(email);
            reader.status = ReaderStatus.ACTIVE;
            reader.topics = new ArrayList<>(topics.length == 0 ? List.of("diffusion") : List.of(topics));
            reader.interests = "diffusion";
            reader.exploration = false;
            reader.createdAt = Instant.now();
            reader.confirmedAt = Instant.now();
            reader.persist();
            return reader.id;
        });
    }
}
