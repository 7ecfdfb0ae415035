package io.paperpost.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsStringIgnoringCase;

import io.paperpost.TestData;
import io.paperpost.mail.GreenMailResource;
import io.paperpost.mail.MimeParts;
import io.paperpost.subscription.SubscriptionService;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The digest email and its web view: "View in your browser" opens the same papers as a page kept out of search
 * engines, the reader's past digests are listed newest first, and a tampered or erased reader's link is the friendly
 * 404.
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
@WithTestResource(GreenMailResource.class)
class DigestWebViewBrowserTest extends BrowserFlow {

    static final String VIEW_IN_BROWSER = "View in your browser";

    @Inject
    SubscriptionService subscriptions;

    @Test
    void theDigestOpensInTheBrowserAndThePastDigestsAreListedNewestFirst() throws Exception {
        data.demoPapersFirstSeenOn(DAY);
        long id = activeReader("webview@example.org", "faster diffusion sampling", "diffusion");
        assertThat(runDigest(DAY)).as("emails sent").isEqualTo(1);
        MimeMessage first = singleEmail();
        openEmail(first, "digest-email");
        checks.checkPage("digest-email");
        String firstView = webViewLink();

        TestData.postPapers("{\"title\":\"Faster diffusion sampling with fewer denoising steps\","
                + "\"summary\":\"Diffusion models.\"}\n", DAY.plusDays(1)).statusCode(200);
        assertThat(runDigest(DAY.plusDays(1))).as("emails sent").isEqualTo(1);
        MimeMessage second = singleEmail();
        openEmail(second, "digest-email-next");
        String secondView = webViewLink();
        assertThat(path(secondView)).startsWith("/digest/").isNotEqualTo(path(firstView));

        // Kept out of search engines by header and by meta tag.
        given().get(path(firstView)).then().statusCode(200).header("X-Robots-Tag", containsStringIgnoringCase(
                "noindex"));
        follow(firstView);
        assertThat(browser.driver().findElements(By.cssSelector("meta[name=robots][content*=noindex]")))
                .as("<meta name=robots content=noindex> on the web view").hasSize(1);
        String page = bodyText();
        List<String> titles = numberedTitles(MimeParts.find(first, "text/plain"));
        assertThat(titles).hasSize(10);
        assertThat(page).as("the web view holds the email's papers").contains(titles);
        checks.checkPage("digest-web-view");

        String archive = archiveLink();
        given().get(path(archive)).then().statusCode(200).header("X-Robots-Tag", containsStringIgnoringCase(
                "noindex"));
        follow(archive);
        List<String> listed = browser.driver().findElements(By.cssSelector("main a[href*='/digest/']")).stream()
                .map(a -> a.getAttribute("href")).toList();
        assertThat(listed).as("the past digests' links").hasSize(2);
        checks.checkPage("digest-archive");
        // Newest first. Compared by what each link opens: the archive may sign its links afresh.
        follow(listed.get(0));
        assertThat(bodyText()).as("the first digest listed, the newest").contains(
                numberedTitles(MimeParts.find(second, "text/plain")));
        follow(listed.get(1));
        assertThat(bodyText()).as("the second digest listed").contains(titles);

        // A tampered link and the link of an erased reader: the friendly 404 page, as for every other link.
        String notFound = notFoundHeading();
        for (String gone : List.of(tampered(path(firstView)), tampered(path(archive)))) {
            given().get(gone).then().statusCode(404);
            browser.open(local(gone));
            assertThat(heading()).as("the page of " + gone).isEqualTo(notFound);
        }
        subscriptions.erase(id);
        given().get(path(firstView)).then().statusCode(404);
        given().get(path(archive)).then().statusCode(404);
        checks.assertAllPassed();
    }

    /** The "View in your browser" link of the email open in the browser. */
    private static String webViewLink() {
        List<WebElement> links = browser.driver().findElements(By.partialLinkText(VIEW_IN_BROWSER));
        assertThat(links).as("a \"" + VIEW_IN_BROWSER + "\" link in the digest email").isNotEmpty();
        return links.get(0).getAttribute("href");
    }

    /** The link from the web view to the reader's past digests ({@code /digests/{token}}). */
    private static String archiveLink() {
        List<WebElement> links = browser.driver().findElements(By.cssSelector("a[href*='/digests/']"));
        assertThat(links).as("a link from the web view to /digests/{token}, the reader's past digests").isNotEmpty();
        return links.get(0).getAttribute("href");
    }

    private String notFoundHeading() {
        browser.open(local("/preferences/garbage"));
        return heading();
    }

    /** The path with one character of its token changed (in the middle, where every bit counts). */
    private static String tampered(String path) {
        int at = path.lastIndexOf('/') + (path.length() - path.lastIndexOf('/')) / 2;
        char replacement = path.charAt(at) == 'A' ? 'B' : 'A';
        return path.substring(0, at) + replacement + path.substring(at + 1);
    }

    private static String bodyText() {
        return browser.driver().findElement(By.tagName("body")).getText();
    }

    private static String path(String url) {
        return URI.create(url).getRawPath();
    }

    /** The paper titles of a digest's plain-text part, in order. */
    private static List<String> numberedTitles(String text) {
        return text.lines().filter(l -> l.matches("\\d+\\. .*")).map(l -> l.substring(l.indexOf(". ") + 2)).toList();
    }
}
