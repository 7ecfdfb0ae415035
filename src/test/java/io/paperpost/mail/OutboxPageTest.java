package io.paperpost.mail;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dev outbox, used when no SMTP host is set (no GreenMail here): an email written there is listed and shown
 * with its headers as a person reads them, not as encoded words.
 */
@QuarkusTest
class OutboxPageTest {

    static final String SUBJECT = "7 new papers on diffusion policy, LLM reasoning — Tue 24 Nov";

    @Inject
    MailSender sender;

    @Test
    void anEmailInTheOutboxIsListedAndShownWithDecodedHeaders() throws Exception {
        assertThat(sender).isInstanceOf(OutboxMailSender.class);
        sender.send(new OutgoingMail("zoe@example.org", SUBJECT, "Hello in plain text", "<p>Hello in HTML</p>",
                "outbox-page-test@localhost", Map.of("List-Id", "PaperPost daily digest <daily.localhost>")));

        String list = given().get("/dev/outbox").then().statusCode(200).body(containsString(SUBJECT)).extract()
                .asString();
        Matcher link = Pattern.compile("href=\"/dev/outbox/([^\"]+zoe@example\\.org\\.eml)\"").matcher(list);
        assertThat(link.find()).as("a link to the email in %s", list).isTrue();

        given().get("/dev/outbox/" + link.group(1)).then().statusCode(200)
                .body(containsString(SUBJECT))
                .body(containsString("PaperPost daily digest &lt;daily.localhost&gt;"))
                .body(containsString("Hello in plain text"))
                .body(not(containsString("=?UTF-8?")));
        given().get("/dev/outbox/" + link.group(1) + "/html").then().statusCode(200)
                .body(containsString("<p>Hello in HTML</p>"));
        given().get("/dev/outbox/no-such-email.eml").then().statusCode(404);
    }
}
