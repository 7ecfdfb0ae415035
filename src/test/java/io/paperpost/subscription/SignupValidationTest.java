package io.paperpost.subscription;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.paperpost.TestData;
import io.paperpost.mail.GreenMailResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad signups get a clear 400 on the form, store nothing and send nothing. */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class SignupValidationTest {

    @Inject
    TestData data;

    @BeforeEach
    void setUp() {
        data.reset();
    }

    static Stream<Arguments> badSignups() {
        return Stream.of(
                Arguments.of("", "diffusion", "", "Please enter your email address."),
                Arguments.of("   ", "diffusion", "", "Please enter your email address."),
                Arguments.of("not-an-address", "diffusion", "", "does not look like an email address"),
                Arguments.of("a@b", "diffusion", "", "does not look like an email address"),
                Arguments.of("two@@example.org", "diffusion", "", "does not look like an email address"),
                Arguments.of("ada@example.org\r\nBcc: victim@example.org", "diffusion", "", "line breaks"),
                Arguments.of("ada@example.org\nBcc: victim@example.org", "diffusion", "", "line breaks"),
                Arguments.of("Ada <ada@example.org>", "diffusion", "", "spaces"),
                Arguments.of("x".repeat(250) + "@example.org", "diffusion", "", "longer than 254"),
                Arguments.of("ada@example.org", "no-such-topic", "", "Unknown topic &#39;no-such-topic&#39;"),
                Arguments.of("ada@example.org", "", "", "Choose at least one topic or describe your interests."),
                Arguments.of("ada@example.org", "diffusion", "x".repeat(501), "under 500 characters"));
    }

    @ParameterizedTest
    @MethodSource("badSignups")
    void badSignupIsRefusedWithAMessageAndNothingIsStored(String email, String topic, String interests,
            String message) {
        given().formParam("email", email).formParam("topics", topic).formParam("interests", interests)
                .post("/subscribe")
                .then().statusCode(400)
                .contentType(containsString("text/html"))
                .body(containsString(message))
                .body(not(containsString("Exception")))
                .body(not(containsString("at io.")));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Reader.count())).isZero();
        assertThat(GreenMailResource.greenMail().getReceivedMessages()).isEmpty();
    }

    @Test
    void refusedFormKeepsWhatTheReaderTyped() {
        given().formParam("email", "ada@").formParam("topics", "diffusion").formParam("interests", "flow matching")
                .post("/subscribe")
                .then().statusCode(400)
                .body(containsString("value=\"ada@\""))
                .body(containsString(">flow matching</textarea>"))
                .body(containsString("value=\"diffusion\" checked"));
    }

    @Test
    void internationalizedDomainIsAccepted() throws Exception {
        given().formParam("email", "forscher@Universität.DE").formParam("topics", "cs.LG").post("/subscribe")
                .then().statusCode(200);
        Reader reader = QuarkusTransaction.requiringNew().call(() -> Reader.<Reader>findAll().firstResult());
        assertThat(reader.email).isEqualTo("forscher@universität.de");
        assertThat(GreenMailResource.greenMail().waitForIncomingEmail(5_000, 1)).isTrue();
        assertThat(GreenMailResource.greenMail().getReceivedMessages()[0].getHeader("To", null))
                .isEqualTo("forscher@xn--universitt-y5a.de");
    }

    @Test
    void subscribingTwiceAnswersTheSameAndKeepsOneRecord() throws Exception {
        given().formParam("email", "twice@example.org").formParam("topics", "cs.CL").post("/subscribe")
                .then().statusCode(200).body(containsString("Check your inbox"));
        given().formParam("email", "Twice@EXAMPLE.org").formParam("topics", "cs.CL").post("/subscribe")
                .then().statusCode(200).body(containsString("Check your inbox"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Reader.count())).isEqualTo(1);
    }

    @Test
    void tamperedOrWrongPurposeLinksGetAPageThatRevealsNothing() {
        given().formParam("email", "links@example.org").formParam("topics", "cs.CL").post("/subscribe").then()
                .statusCode(200);
        long id = QuarkusTransaction.requiringNew().call(() -> Reader.<Reader>findAll().firstResult().id);
        String manage = tokens.issue(TokenPurpose.MANAGE, id);
        String tampered = manage.substring(0, manage.length() - 2) + (manage.endsWith("A") ? "BB" : "AA");
        for (String path : new String[]{"/confirm/" + tampered, "/confirm/" + manage, "/confirm/garbage",
                "/preferences/" + tampered, "/unsubscribe/" + manage, "/preferences/x.y"}) {
            given().get(path).then().statusCode(404)
                    .body(containsString("This link is not valid"))
                    .body(not(containsString("Exception")))
                    .body(not(containsString("links@example.org")));
        }
        given().post("/unsubscribe/" + tampered).then().statusCode(404);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Reader.<Reader>findById(id).status))
                .isEqualTo(ReaderStatus.PENDING);
    }

    @Inject
    ReaderTokens tokens;
}
