package io.paperpost.preferences;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.paperpost.TestData;
import io.paperpost.mail.GreenMailResource;
import io.paperpost.subscription.DigestFrequency;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderStatus;
import io.paperpost.subscription.ReaderTokens;
import io.paperpost.subscription.TokenPurpose;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The preferences form's schedule fields: saved together, or refused next to the field with nothing saved. */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class PreferencesFormTest {

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
            reader.setEmail("form@example.org");
            reader.status = ReaderStatus.ACTIVE;
            reader.createdAt = Instant.now();
            reader.topics = new java.util.ArrayList<>(List.of("diffusion"));
            reader.persist();
            return reader.id;
        });
        path = "/preferences/" + tokens.issue(TokenPurpose.MANAGE, id);
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("papersPerEmail", "4", "between 5 and 30"),
                Arguments.of("papersPerEmail", "31", "between 5 and 30"),
                Arguments.of("papersPerEmail", "lots", "between 5 and 30"),
                Arguments.of("deliveryHour", "24", "from 0 to 23"),
                Arguments.of("timeZone", "Europe/Atlantis", "time zone from the list"),
                Arguments.of("timeZone", "GMT+25", "time zone from the list"),
                Arguments.of("frequency", "HOURLY", "daily, weekly or paused"),
                Arguments.of("weeklyDay", "SOMEDAY", "day of the week"),
                Arguments.of("pausedUntil", "2001-01-01", "after today"),
                Arguments.of("pausedUntil", "01/02/2030", "YYYY-MM-DD"),
                Arguments.of("mailFormat", "RTF", "HTML or plain text"),
                Arguments.of("authors", "x".repeat(101), "at most 100 characters"),
                Arguments.of("interests", "y".repeat(501), "under 500 characters"));
    }

    @ParameterizedTest
    @MethodSource("badValues")
    void aBadValueIsShownNextToItsFieldAndNothingIsSaved(String field, String value, String message) {
        RequestSpecification request = field.equals("interests") ? given().formParam("topics", "diffusion") : form();
        request.formParam(field, value).post(path).then().statusCode(400)
                .body(containsString("<p class=\"error\" id=\"" + field + "-error\">")).body(containsString(message))
                .body(containsString("class=\"error-summary\"")).body(containsString("href=\"#" + field + "\""))
                .body(not(containsString("Saved.")));
        Reader after = QuarkusTransaction.requiringNew().call(() -> Reader.<Reader>findById(id));
        assertThat(after.papersPerEmail).isEqualTo(10);
        assertThat(after.deliveryHour).isEqualTo(7);
        assertThat(after.frequency).isEqualTo(DigestFrequency.DAILY);
    }

    @Test
    void everyRefusedFieldIsShownAtOnceWithASummaryAndTheFocusOnTheFirst() {
        String page = form().formParam("papersPerEmail", "50").formParam("timeZone", "Mars/Olympus")
                .formParam("deliveryHour", "25").post(path).then().statusCode(400).extract().asString();
        assertThat(page).contains("3 things to fix before we can save")
                .contains("<a href=\"#papersPerEmail\">").contains("<a href=\"#timeZone\">")
                .contains("<a href=\"#deliveryHour\">")
                .contains("id=\"timeZone-error\"").contains("id=\"deliveryHour-error\"")
                .contains("aria-describedby=\"zone-hint timeZone-error\"");
        // The schedule comes first in the form, and its first refused field takes the focus.
        assertThat(page.split("data-first-error", -1)).hasSize(2);
        assertThat(page).containsPattern("id=\"deliveryHour\"[^>]*autofocus data-first-error");
        assertThat(page).contains("novalidate");
        Reader after = QuarkusTransaction.requiringNew().call(() -> Reader.<Reader>findById(id));
        assertThat(after.papersPerEmail).isEqualTo(10);
    }

    @Test
    void theWholeScheduleIsSavedAndShownInWords() {
        String until = LocalDate.now().plusDays(14).toString();
        form().formParam("papersPerEmail", "30").formParam("frequency", "WEEKLY").formParam("weeklyDay", "SUNDAY")
                .formParam("pausedUntil", until).formParam("deliveryHour", "0")
                .formParam("timeZone", "Pacific/Auckland")
                .formParam("mailFormat", "PLAIN").post(path).then().statusCode(200)
                .body(containsString("Saved."))
                .body(containsString(
                        "every Sunday at 00:00 (Pacific/Auckland), starting after your break ends on " + until))
                .body(containsString("value=\"SUNDAY\" selected"));
        Reader after = QuarkusTransaction.requiringNew().call(() -> Reader.<Reader>findById(id));
        assertThat(after.papersPerEmail).isEqualTo(30);
        assertThat(after.pausedUntil).isEqualTo(LocalDate.parse(until));
        assertThat(after.timeZone).isEqualTo("Pacific/Auckland");
    }

    @Test
    void thePageSuggestsTheBrowsersTimeZone() {
        given().get("/js/preferences.js").then().statusCode(200)
                .body(containsString("Intl.DateTimeFormat().resolvedOptions().timeZone"));
        given().get(path).then().statusCode(200).body(containsString("id=\"zone-offer\" hidden"))
                .body(containsString("<option value=\"Europe/Berlin\">"))
                .body(containsString("Download my data")).body(containsString("Delete me"));
    }

    private RequestSpecification form() {
        return given().formParam("topics", "diffusion").formParam("interests", "flow matching");
    }
}
