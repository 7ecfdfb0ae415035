package io.paperpost.site;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.paperpost.TestData;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What every page shares: the favicon, explicit colours in both schemes, and the tagline for readers only. */
@QuarkusTest
class PageLayoutTest {

    static final String TAGLINE = "trending research papers in your inbox";

    @Test
    void everyPageLinksAFaviconThatIsServed() {
        given().get("/").then().statusCode(200).body(containsString("<link rel=\"icon\" href=\"/favicon.svg\""));
        given().get("/favicon.svg").then().statusCode(200).contentType(containsString("image/svg+xml"))
                .body(containsString("<svg"));
    }

    @Test
    void pagesSetTheirOwnBackgroundAndButtonTextInLightAndDark() {
        // Contrast checkers and dark mode must not guess: the body has a background, filled buttons a text colour
        // made for the accent of each scheme.
        given().get("/").then().statusCode(200)
                .body(containsString("background: var(--bg); color: var(--text);"))
                .body(containsString("color: var(--on-accent); background: var(--accent);"))
                .body(containsString("--on-accent: #0b1020;"));
    }

    @Test
    void theReadersTaglineIsNotOnTheOperatorsDashboard() {
        given().get("/").then().statusCode(200).body(containsString(TAGLINE));
        TestData.asAdmin().get("/admin").then().statusCode(200).body(not(containsString(TAGLINE)));
    }
}
