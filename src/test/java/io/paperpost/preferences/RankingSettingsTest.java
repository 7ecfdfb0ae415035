package io.paperpost.preferences;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.paperpost.TestData;
import io.paperpost.mail.GreenMailResource;
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
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reader's own ranking settings: saved from the preferences page and obeyed by the digest. */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class RankingSettingsTest {

    static final LocalDate DAY = LocalDate.of(2026, 7, 6);

    @Inject
    TestData data;
    @Inject
    ReaderTokens tokens;

    @BeforeEach
    void setUp() {
        data.reset();
    }

    @Test
    void settingsAreSavedFromThePreferencesForm() {
        long id = activeReader("settings@example.org", List.of("diffusion"), "");
        String path = "/preferences/" + tokens.issue(TokenPurpose.MANAGE, id);

        given().formParam("topics", "diffusion").formParam("trendWeight", "80").formParam("onlyWhenMatches", "on")
                .post(path).then().statusCode(200).body(containsString("value=\"80\""));
        Reader saved = reader(id);
        assertThat(saved.trendWeight).isEqualTo(0.8);
        assertThat(saved.exploration).as("unchecked box").isFalse();
        assertThat(saved.onlyWhenMatches).isTrue();

        given().formParam("topics", "diffusion").formParam("trendWeight", "150").formParam("exploration", "on")
                .post(path).then().statusCode(400).body(containsString("from 0 to 100"));
        assertThat(reader(id).exploration).as("nothing saved from a refused form").isFalse();
        assertThat(reader(id).trendWeight).isEqualTo(0.8);
    }

    @Test
    void onQuietDaysOnlyReadersWhoWantTrendingPapersGetThem() throws Exception {
        data.demoPapersFirstSeenOn(DAY);
        long quiet = activeReader("quiet@example.org", List.of(), "zyxwv qwertz blorpt");
        activeReader("trending@example.org", List.of(), "zyxwv qwertz blorpt");
        QuarkusTransaction.requiringNew().run(() -> Reader.update("onlyWhenMatches = true where id = ?1", quiet));

        TestData.asAdmin().queryParam("date", DAY.toString()).post("/api/v1/admin/digests")
                .then().statusCode(200).body("readers", is(2)).body("sent", is(1)).body("skipped", is(1));
        assertThat(GreenMailResource.greenMail().waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage[] received = GreenMailResource.greenMail().getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("trending@example.org");
        assertThat(received[0].getSubject()).contains("trending");
    }

    private static long activeReader(String email, List<String> topics, String interests) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Reader reader = new Reader();
            reader.setEmail(email);
            reader.status = ReaderStatus.ACTIVE;
            reader.topics = new java.util.ArrayList<>(topics);
            reader.interests = interests;
            reader.createdAt = Instant.now();
            reader.confirmedAt = reader.createdAt;
            reader.persist();
            return reader.id;
        });
    }

    private static Reader reader(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Reader.<Reader>findById(id));
    }
}
