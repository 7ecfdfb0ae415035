package io.paperpost.feedback;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.paperpost.TestData;
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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The steering links of a received digest (fewer like this, more from / mute an author, mute a topic): opening one
 * changes nothing, its button does, the result page undoes it, and the next email obeys.
 */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class SteeringEndToEndTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final String BASE = "http://localhost:8080";
    static final Pattern UNDO = Pattern.compile(
            "<form method=\"post\" action=\"([^\"]+/undo)\">\\s*<input type=\"hidden\" name=\"state\" value=\"([^\"]*)\"");

    static final String FIRST_DAY = """
            {"key":"t-a00000000001","title":"Diffusion policies for robot grasping","summary":"A diffusion policy grasps objects.","authors":["Ana Souza","Li Wei"],"upvotes":30}
            {"key":"t-a00000000002","title":"Diffusion models for medical imaging","summary":"Denoising diffusion for MRI.","authors":["Jörg Müller"],"upvotes":20}
            {"key":"t-a00000000003","title":"Consistency distillation of diffusion samplers","summary":"One-step diffusion sampling.","authors":["Chen Hao"],"upvotes":10}
            """;
    static final String SECOND_DAY = """
            {"key":"t-b00000000001","title":"Diffusion transformers at scale","summary":"Scaling diffusion backbones.","authors":["Ana Souza"],"upvotes":90}
            {"key":"t-b00000000002","title":"Diffusion for medical segmentation","summary":"Diffusion models segment organs.","authors":["Maria García"],"upvotes":80}
            {"key":"t-b00000000003","title":"Latent diffusion for video","summary":"Video generation with latent diffusion.","authors":["Sam Lee"],"upvotes":5}
            """;

    @Inject
    TestData data;

    @BeforeEach
    void setUp() {
        data.reset();
    }

    @Test
    void openingASteeringLinkChangesNothingAndItsButtonMutesTheAuthorWithAnUndo() throws Exception {
        TestData.postPapers(FIRST_DAY, DAY).statusCode(200).body("added", is(3));
        long readerId = FeedbackEndToEndTest.activeReader("steer@example.org", "diffusion", "diffusion");
        MimeMessage digest = digestOf(DAY);
        String text = MimeParts.find(digest, "text/plain");
        String mute = link(text, "Mute Ana Souza");

        given().head(ReceivedMail.path(mute)).then().statusCode(200);
        given().get(ReceivedMail.path(mute)).then().statusCode(200).body(containsString("Mute Ana Souza?"))
                .body(containsString("<form method=\"post\""));
        assertThat(reader(readerId).mutedAuthors).isEmpty();

        String page = given().post(ReceivedMail.path(mute)).then().statusCode(200)
                .body(containsString("Ana Souza is muted")).extract().asString();
        assertThat(reader(readerId).mutedAuthors).containsExactly("Ana Souza");
        // Pressing twice keeps one entry.
        given().post(ReceivedMail.path(mute)).then().statusCode(200);
        assertThat(reader(readerId).mutedAuthors).containsExactly("Ana Souza");

        Matcher undo = UNDO.matcher(page);
        assertThat(undo.find()).as("an undo form").isTrue();
        given().formParam("state", undo.group(2)).post(undo.group(1)).then().statusCode(200)
                .body(containsString("Ana Souza is no longer muted"));
        assertThat(reader(readerId).mutedAuthors).isEmpty();
    }

    @Test
    void theNextEmailLeavesOutAMutedAuthorAndNeverWordsAndKeepsTheRest() throws Exception {
        TestData.postPapers(FIRST_DAY, DAY).statusCode(200);
        long readerId = FeedbackEndToEndTest.activeReader("next@example.org", "diffusion", "diffusion");
        String text = MimeParts.find(digestOf(DAY), "text/plain");
        given().post(ReceivedMail.path(link(text, "Mute Ana Souza"))).then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> {
            Reader reader = Reader.findById(readerId);
            reader.neverWords = new java.util.ArrayList<>(List.of("medical"));
        });

        TestData.postPapers(SECOND_DAY, DAY.plusDays(1)).statusCode(200).body("added", is(3));
        List<String> titles = titles(digestOf(DAY.plusDays(1)));
        assertThat(titles).containsExactly("Latent diffusion for video");
    }

    @Test
    void moreFromThisAuthorFollowsThemAndUndoingReturnsToBefore() throws Exception {
        TestData.postPapers(FIRST_DAY, DAY).statusCode(200);
        long readerId = FeedbackEndToEndTest.activeReader("follow@example.org", "diffusion", "diffusion");
        String follow = link(MimeParts.find(digestOf(DAY), "text/plain"), "More from Chen Hao");
        given().get(ReceivedMail.path(follow)).then().statusCode(200).body(containsString("Follow Chen Hao"));
        assertThat(reader(readerId).followedAuthors).isEmpty();

        String page = given().post(ReceivedMail.path(follow)).then().statusCode(200)
                .body(containsString("You follow Chen Hao")).extract().asString();
        assertThat(reader(readerId).followedAuthors).containsExactly("Chen Hao");
        Matcher undo = UNDO.matcher(page);
        assertThat(undo.find()).isTrue();
        given().formParam("state", undo.group(2)).post(undo.group(1)).then().statusCode(200)
                .body(containsString("You no longer follow Chen Hao"));
        assertThat(reader(readerId).followedAuthors).isEmpty();
        // An undo state the page never gave is refused and changes nothing.
        given().formParam("state", "sideways").post(undo.group(1)).then().statusCode(400)
                .body(containsString("out of date"));
    }

    @Test
    void fewerLikeThisIsAStrongerDislikeAndItsUndoRestoresTheEarlierRating() throws Exception {
        TestData.postPapers(FIRST_DAY, DAY).statusCode(200);
        long readerId = FeedbackEndToEndTest.activeReader("fewer@example.org", "diffusion", "diffusion");
        MimeMessage digest = digestOf(DAY);
        String text = MimeParts.find(digest, "text/plain");
        List<String> feedbackLinks = ReceivedMail.links(digest, BASE + "/feedback/");
        // 👍 on the first paper first, then "fewer like this" on it.
        given().post(ReceivedMail.path(feedbackLinks.get(0))).then().statusCode(200);
        String fewer = link(text, "Fewer like this");
        given().head(ReceivedMail.path(fewer)).then().statusCode(200);
        given().get(ReceivedMail.path(fewer)).then().statusCode(200).body(containsString("Fewer papers like this?"));
        assertThat(ratings(readerId)).containsExactly(1);

        String page = given().post(ReceivedMail.path(fewer)).then().statusCode(200)
                .body(containsString("fewer papers like this")).extract().asString();
        assertThat(ratings(readerId)).containsExactly((int) Feedback.FEWER_LIKE_THIS);
        Matcher undo = UNDO.matcher(page);
        assertThat(undo.find()).isTrue();
        assertThat(undo.group(2)).isEqualTo("1");
        given().formParam("state", undo.group(2)).post(undo.group(1)).then().statusCode(200);
        assertThat(ratings(readerId)).containsExactly(1);
    }

    @Test
    void muteTopicTakesItOutOfTheReadersTopicsAndUndoPutsItBack() throws Exception {
        TestData.postPapers(FIRST_DAY, DAY).statusCode(200);
        long readerId = FeedbackEndToEndTest.activeReader("topic@example.org", "diffusion", "diffusion");
        String text = MimeParts.find(digestOf(DAY), "text/plain");
        String muteTopic = link(text, "Mute topic \"");
        String page = given().post(ReceivedMail.path(muteTopic)).then().statusCode(200)
                .body(containsString("is muted")).extract().asString();
        Reader muted = reader(readerId);
        assertThat(muted.mutedTopics).hasSize(1);
        String topic = muted.mutedTopics.get(0);
        assertThat(muted.topics).doesNotContain(topic);

        Matcher undo = UNDO.matcher(page);
        assertThat(undo.find()).isTrue();
        // The undo remembers whether the topic was one of the reader's own.
        assertThat(undo.group(2)).isEqualTo(topic.equals("diffusion") ? "chosen" : "none");
        given().formParam("state", undo.group(2)).post(undo.group(1)).then().statusCode(200)
                .body(containsString("is no longer muted"));
        Reader restored = reader(readerId);
        assertThat(restored.mutedTopics).isEmpty();
        assertThat(restored.topics).containsExactly("diffusion");
    }

    @Test
    void aTamperedOrForeignSteeringLinkIs404AndChangesNothing() throws Exception {
        TestData.postPapers(FIRST_DAY, DAY).statusCode(200);
        long readerId = FeedbackEndToEndTest.activeReader("tamper@example.org", "diffusion", "diffusion");
        String mute = ReceivedMail.path(link(MimeParts.find(digestOf(DAY), "text/plain"), "Mute Ana Souza"));
        String tampered = mute.replaceFirst("\\.(..)", ".AA");
        if (tampered.equals(mute)) {
            tampered = mute.replaceFirst("\\.(..)", ".BB");
        }
        given().get(tampered).then().statusCode(404).body(containsString("This link is not valid"));
        given().post(tampered).then().statusCode(404);
        // An unknown action on a genuine token.
        given().post(mute.replace("/mute-author", "/delete-everything")).then().statusCode(404);
        assertThat(reader(readerId).mutedAuthors).isEmpty();
    }

    private static MimeMessage digestOf(LocalDate day) {
        return TestData.digestEmailOf(day);
    }

    /** The first link of the text part whose label starts so ("Mute Ana Souza: http://…"). */
    private static String link(String text, String label) {
        Matcher m = Pattern.compile("^\\s*" + Pattern.quote(label) + "[^\\n]*?: (" + Pattern.quote(BASE) + "\\S+)$",
                Pattern.MULTILINE).matcher(text);
        assertThat(m.find()).as("a link labelled %s in%n%s", label, text).isTrue();
        return m.group(1);
    }

    private static List<String> titles(MimeMessage message) throws Exception {
        return MimeParts.find(message, "text/plain").lines().filter(l -> l.matches("\\d+\\. .*"))
                .map(l -> l.substring(l.indexOf(". ") + 2)).toList();
    }

    private static Reader reader(long readerId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Reader reader = Reader.findById(readerId);
            reader.topics.size();
            reader.followedAuthors.size();
            return reader;
        });
    }

    private static List<Integer> ratings(long readerId) {
        return QuarkusTransaction.requiringNew().call(() -> Feedback.<Feedback>list("id.readerId", readerId).stream()
                .map(f -> (int) f.rating).toList());
    }
}
