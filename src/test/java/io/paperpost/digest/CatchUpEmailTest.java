package io.paperpost.digest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.paperpost.TestData;
import io.paperpost.followups.FollowUpEndToEndTest;
import io.paperpost.mail.GreenMailResource;
import io.paperpost.mail.MimeParts;
import io.paperpost.mail.ReceivedMail;
import io.paperpost.subscription.Reader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "While you were away", through the links of received emails: a reader pauses for nine days from their email's
 * preferences link, and the first email back holds the best papers of the whole pause grouped by topic, with what
 * happened meanwhile to a paper they liked; the next day's email is the normal one.
 */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class CatchUpEmailTest {

    /** The reader's today: the preferences page only takes a pause that ends after it. */
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    static final String BASE = "http://localhost:8080";

    static final String BEFORE = """
            {"key":"2604.00001v1","title":"Diffusion policies for robot grasping","summary":"A diffusion policy for robot manipulation.","authors":["Ana Souza"],"categories":["cs.RO"],"upvotes":30}
            """;
    static final String EARLY_IN_THE_PAUSE = """
            {"key":"2604.00002v1","title":"Flow matching for image generation","summary":"Flow matching and diffusion generative models with fewer sampling steps.","authors":["Chen Hao"],"upvotes":40}
            {"key":"2604.00003v1","title":"Legged robot control with learned policies","summary":"A robot control policy for legged locomotion.","authors":["Li Wei"],"categories":["cs.RO"],"upvotes":35}
            """;
    static final String LATE_IN_THE_PAUSE = """
            {"key":"2604.00004v1","title":"Denoising diffusion samplers in four steps","summary":"Diffusion sampling with few denoising steps.","authors":["Kim Ji"],"upvotes":12}
            {"key":"2604.00001v2","title":"Diffusion policies for robot grasping","summary":"A diffusion policy for robot manipulation.","authors":["Ana Souza"],"categories":["cs.RO"],"upvotes":30,"codeUrl":"https://github.com/example/grasp"}
            """;
    static final String AFTER = """
            {"key":"2604.00005v1","title":"Robot manipulation from video demonstrations","summary":"Robot manipulation policies learned from video.","authors":["Sam Lee"],"categories":["cs.RO"],"upvotes":8}
            """;

    @Inject
    TestData data;

    @BeforeEach
    void setUp() {
        data.reset();
    }

    @Test
    void theFirstEmailAfterAPauseHoldsTheWholePauseByTopicWithItsUpdatesAndThenTheDailyEmailResumes()
            throws Exception {
        TestData.postPapers(BEFORE, TODAY).statusCode(200).body("added", is(1));
        long readerId = FollowUpEndToEndTest.reader("holiday@example.org", "diffusion", "cs.RO");
        String first = text(TestData.digestEmailOf(TODAY));
        given().post(ReceivedMail.path(link(first, "👍 More like this"))).then().statusCode(200);
        // Off for nine days, from the email's own preferences link.
        given().formParam("topics", "diffusion").formParam("topics", "cs.RO").formParam("interests", "diffusion")
                .formParam("pausedUntil", TODAY.plusDays(9).toString())
                .post(ReceivedMail.path(link(first, "Manage preferences"))).then().statusCode(200)
                .body(containsString("Saved."));

        TestData.postPapers(EARLY_IN_THE_PAUSE, TODAY.plusDays(2)).statusCode(200).body("added", is(2));
        TestData.postPapers(LATE_IN_THE_PAUSE, TODAY.plusDays(8)).statusCode(200).body("added", is(1));
        MimeMessage back = TestData.digestEmailOf(TODAY.plusDays(10));
        String text = text(back);

        assertThat(back.getSubject()).startsWith("While you were away: 3 new papers");
        assertThat(text).contains("While you were away: the best 3 papers since your last email on");
        // The whole pause, not its last day: the early papers too, each under its topic.
        String diffusion = "== Diffusion and generative models ==";
        String robotics = "== Robotics (cs.RO) ==";
        assertThat(text).contains(diffusion, robotics);
        int robot = text.indexOf("Legged robot control with learned policies");
        assertThat(robot).isGreaterThan(text.indexOf(robotics));
        for (String title : List.of("Flow matching for image generation",
                "Denoising diffusion samplers in four steps")) {
            int at = text.indexOf(". " + title);
            assertThat(at).isGreaterThan(text.indexOf(diffusion));
            assertThat(at < text.indexOf(robotics)).isEqualTo(text.indexOf(diffusion) < text.indexOf(robotics));
        }
        // What happened meanwhile to the paper they liked.
        assertThat(text).contains("Updates on papers you follow", "- Diffusion policies for robot grasping",
                "Code released · version 2 is on arXiv");
        assertThat(readerLastDigest(readerId)).isEqualTo(TODAY.plusDays(10));

        TestData.postPapers(AFTER, TODAY.plusDays(10)).statusCode(200).body("added", is(1));
        MimeMessage next = TestData.digestEmailOf(TODAY.plusDays(11));
        assertThat(next.getSubject()).startsWith("1 new paper");
        assertThat(text(next)).doesNotContain("While you were away").doesNotContain("==")
                .doesNotContain("Updates on papers you follow");
    }

    private static String text(MimeMessage message) throws Exception {
        return MimeParts.find(message, "text/plain");
    }

    private static String link(String text, String label) {
        Matcher m = Pattern.compile("^\\s*" + Pattern.quote(label) + "[^\\n]*?: (" + Pattern.quote(BASE) + "\\S+)$",
                Pattern.MULTILINE).matcher(text);
        assertThat(m.find()).as("a link labelled %s in%n%s", label, text).isTrue();
        return m.group(1);
    }

    private static LocalDate readerLastDigest(long readerId) {
        return QuarkusTransaction.requiringNew().call(() -> Reader.<Reader>findById(readerId).lastDigestDate);
    }
}
