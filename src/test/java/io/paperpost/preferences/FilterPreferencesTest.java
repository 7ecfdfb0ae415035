package io.paperpost.preferences;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.paperpost.TestData;
import io.paperpost.mail.GreenMailResource;
import io.paperpost.mail.MimeParts;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Must-have and never words, and unmuting, on the preferences page: saved whole or refused, obeyed by the email. */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class FilterPreferencesTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final String PAPERS = """
            {"key":"t-c00000000001","title":"Diffusion models for medical imaging","summary":"Denoising diffusion for MRI.","authors":["Jörg Müller"],"upvotes":50}
            {"key":"t-c00000000002","title":"Video diffusion with latent transformers","summary":"Diffusion for video generation.","authors":["Sam Lee"],"upvotes":20}
            {"key":"t-c00000000003","title":"Diffusion samplers in one step","summary":"Consistency distillation of diffusion.","authors":["Chen Hao"],"upvotes":10}
            """;

    @Inject
    TestData data;
    @Inject
    ReaderTokens tokens;

    long id;
    String path;

    @BeforeEach
    void setUp() {
        data.reset();
        id = QuarkusTransaction.requiringNew().call(() -> {
            Reader reader = new Reader();
            reader.setEmail("filters@example.org");
            reader.status = ReaderStatus.ACTIVE;
            reader.createdAt = Instant.now();
            reader.confirmedAt = Instant.now();
            reader.topics = new ArrayList<>(List.of("diffusion"));
            reader.interests = "diffusion";
            reader.mutedAuthors = new ArrayList<>(List.of("Ana Souza", "Li Wei"));
            reader.mutedTopics = new ArrayList<>(List.of("cs.RO"));
            reader.persist();
            return reader.id;
        });
        path = "/preferences/" + tokens.issue(TokenPurpose.MANAGE, id);
    }

    @Test
    void thePageListsWhatWasMutedFromTheEmailsWithBoxesToUntick() {
        given().get(path).then().statusCode(200).body(containsString("id=\"filters\""))
                .body(containsString("value=\"Ana Souza\" checked")).body(containsString("Topic: Robotics (cs.RO)"));
    }

    @Test
    void savedWordsAreTidiedAndUntickedAuthorsAndTopicsAreUnmuted() {
        given().formParam("mustWords", "diffusion\n  video   generation \nDiffusion, latent")
                .formParam("neverWords", "medical").formParam("mutedAuthors", "Li Wei")
                .post(path + "/filters").then().statusCode(200).body(containsString("Your next email follows"));
        Reader reader = reader();
        assertThat(reader.mustWords).containsExactly("diffusion", "video generation", "latent");
        assertThat(reader.neverWords).containsExactly("medical");
        assertThat(reader.mutedAuthors).containsExactly("Li Wei");
        assertThat(reader.mutedTopics).isEmpty();
    }

    @Test
    void aFormCannotMuteWhatTheEmailsDidNot() {
        given().formParam("mutedAuthors", "Ana Souza").formParam("mutedAuthors", "Someone Else")
                .formParam("mutedTopics", "cs.RO").formParam("mutedTopics", "cs.CL")
                .post(path + "/filters").then().statusCode(200);
        Reader reader = reader();
        assertThat(reader.mutedAuthors).containsExactly("Ana Souza");
        assertThat(reader.mutedTopics).containsExactly("cs.RO");
    }

    @Test
    void tooManyWordsOrTooLongAPhraseIsRefusedNextToTheFieldAndNothingIsSaved() {
        String many = String.join("\n", java.util.stream.IntStream.range(0, 21).mapToObj(i -> "word" + i).toList());
        String page = given().formParam("mustWords", "diffusion").formParam("neverWords", many)
                .post(path + "/filters").then().statusCode(400).body(containsString("at most 20 never words"))
                .body(containsString("id=\"neverWords-error\"")).extract().asString();
        // What was typed is kept on the page.
        assertThat(page).contains("word20");
        given().formParam("mustWords", "z".repeat(61)).post(path + "/filters").then().statusCode(400)
                .body(containsString("at most 60 characters"));
        given().formParam("neverWords", "bad\u0007bell").post(path + "/filters").then().statusCode(400)
                .body(containsString("control characters"));
        Reader reader = reader();
        assertThat(reader.mustWords).isEmpty();
        assertThat(reader.neverWords).isEmpty();
        assertThat(reader.mutedAuthors).containsExactly("Ana Souza", "Li Wei");
    }

    @Test
    void theNextEmailKeepsOnlyPapersWithAMustWordAndNoneWithANeverWord() throws Exception {
        TestData.postPapers(PAPERS, DAY).statusCode(200).body("added", is(3));
        given().formParam("mustWords", "video\nsamplers\nMRI").formParam("neverWords", "medical")
                .post(path + "/filters").then().statusCode(200);
        MimeMessage digest = TestData.digestEmailOf(DAY);
        List<String> titles = MimeParts.find(digest, "text/plain").lines().filter(l -> l.matches("\\d+\\. .*"))
                .map(l -> l.substring(l.indexOf(". ") + 2)).toList();
        assertThat(titles).containsExactlyInAnyOrder("Video diffusion with latent transformers",
                "Diffusion samplers in one step");
    }

    private Reader reader() {
        return QuarkusTransaction.requiringNew().call(() -> Reader.findById(id));
    }
}
