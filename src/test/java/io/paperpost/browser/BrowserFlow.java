package io.paperpost.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.paperpost.TestData;
import io.paperpost.digest.DigestService;
import io.paperpost.mail.GreenMailResource;
import io.paperpost.mail.MimeParts;
import io.paperpost.mail.ReceivedMail;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;

/**
 * What every browser test class shares: one Chromium for the class, the page checks, the test database and GreenMail
 * reset before each test, and the links of emails (made with the configured base URL) pointed at the test port.
 */
abstract class BrowserFlow {

    /** A Monday, the digest date of the demo papers' day. */
    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    /** The base URL of every emailed link (paperpost.site.base-url's default). */
    static final String CONFIGURED_BASE = "http://localhost:8080";

    static Browser browser;
    static PageChecks checks;

    @TestHTTPResource("/")
    URL root;
    @Inject
    TestData data;
    @Inject
    DigestService digest;

    GreenMail mail;

    @BeforeAll
    static void startBrowser() {
        Browser.missing().ifPresentOrElse(System.err::println, () -> {
            browser = Browser.start();
            checks = new PageChecks(browser);
        });
    }

    @AfterAll
    static void quitBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @AfterEach
    void reportUncheckedProblems(TestInfo test) {
        if (checks != null) {
            checks.reportLeftovers(test.getDisplayName());
        }
    }

    /** Each test, not the class, is skipped without a browser: surefire then reports every one with the reason. */
    @BeforeEach
    void needTheBrowserAndResetTheData() {
        Assumptions.assumeTrue(browser != null, () -> Browser.missing().orElse("the browser did not start"));
        data.reset();
        mail = GreenMailResource.greenMail();
    }

    /** The URL of a path of the application under test. */
    String local(String path) {
        return root.toString().replaceAll("/+$", "") + (path.startsWith("/") ? path : "/" + path);
    }

    /** An emailed link (configured base URL) as a URL of the application under test. */
    String localLink(String link) {
        URI uri = URI.create(link);
        return local(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    /** Opens a link's target (an emailed link, or an href on a page carrying the configured base URL). */
    void follow(String link) {
        browser.open(link.startsWith(CONFIGURED_BASE) ? localLink(link) : link);
    }

    /** The one email that arrived since the last call; fails when none or several arrive. */
    MimeMessage singleEmail() {
        assertThat(mail.waitForIncomingEmail(10_000, 1)).as("an email arrived").isTrue();
        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(1);
        GreenMailResource.purge();
        return received[0];
    }

    /** The first link of the email's plain-text part starting with the path, on the configured base URL. */
    static String link(MimeMessage email, String path) {
        try {
            List<String> links = ReceivedMail.links(email, CONFIGURED_BASE + path);
            assertThat(links).as("links to " + path + " in \"" + email.getSubject() + "\"").isNotEmpty();
            return links.get(0);
        } catch (jakarta.mail.MessagingException | IOException e) {
            throw new AssertionError("cannot read the email", e);
        }
    }

    /** Opens the email's HTML part as a page (a file under target/, as a mail client would show it). */
    void openEmail(MimeMessage email, String name) {
        try {
            String html = MimeParts.find(email, "text/html");
            assertThat(html).as("the HTML part of \"" + email.getSubject() + "\"").isNotNull();
            Path file = Path.of("target/browser-emails", name + ".html").toAbsolutePath();
            Files.createDirectories(file.getParent());
            Files.writeString(file, html, StandardCharsets.UTF_8);
            browser.open(file.toUri().toString());
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError("cannot read the email", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An active (confirmed) reader of the topics, straight in the database. */
    static long activeReader(String email, String interests, String... topics) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Reader reader = new Reader();
            reader.setEmail(email);
            reader.status = ReaderStatus.ACTIVE;
            reader.topics = List.of(topics);
            reader.interests = interests;
            reader.createdAt = Instant.now();
            reader.confirmedAt = reader.createdAt;
            reader.persist();
            return reader.id;
        });
    }

    /**
     * Runs the digest for a date, as the admin API does, and answers how many emails it sent. Called directly: the
     * first run of a JVM embeds the demo papers, which on two busy cores outlasts RestAssured's 30 s timeout.
     */
    int runDigest(LocalDate date) {
        return digest.run(date).sent();
    }

    /** The text of the page's first h1, or "" when it has none. */
    static String heading() {
        List<org.openqa.selenium.WebElement> h1 = browser.driver().findElements(By.tagName("h1"));
        return h1.isEmpty() ? "" : h1.get(0).getText();
    }

    /** Fails (with the page's URL) unless the page's body contains the text. */
    static void assertPageSays(String text) {
        assertThat(browser.driver().findElement(By.tagName("body")).getText())
                .as("the page at " + browser.driver().getCurrentUrl()).contains(text);
    }
}
