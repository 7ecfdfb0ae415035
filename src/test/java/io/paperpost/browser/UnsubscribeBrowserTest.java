package io.paperpost.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpost.mail.GreenMailResource;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The unsubscribe link of a digest email: unsubscribe with one button, or pause instead. */
@QuarkusTest
@TestProfile(BrowserProfile.class)
@WithTestResource(GreenMailResource.class)
class UnsubscribeBrowserTest extends BrowserFlow {

    @Test
    void theUnsubscribeButtonOfTheEmailsLinkUnsubscribes() {
        long id = readerWithADigest("leaving@example.org");
        checks.checkPage("unsubscribe");
        button("Unsubscribe").click();

        browser.waitUntil("the unsubscribed page", d -> heading().contains("You are unsubscribed"));
        checks.checkPage("unsubscribed");
        assertThat(reader(id).status).isEqualTo(ReaderStatus.UNSUBSCRIBED);
        checks.assertAllPassed();
    }

    @Test
    void pauseInsteadPausesTheReaderWithoutUnsubscribing() {
        long id = readerWithADigest("resting@example.org");
        button("Pause instead").click();

        browser.waitUntil("the paused notice",
                d -> d.findElements(By.cssSelector("[role=status]")).stream().anyMatch(e -> e.getText().contains(
                        "Paused")));
        checks.checkPage("paused");
        Reader paused = reader(id);
        assertThat(paused.status).isNotEqualTo(ReaderStatus.UNSUBSCRIBED);
        assertThat(paused.pausedUntil).as("paused until").isAfter(java.time.LocalDate.now().plusDays(20));
        checks.assertAllPassed();
    }

    /** An active reader who received the day's digest, with its unsubscribe link open in the browser. */
    private long readerWithADigest(String email) {
        data.demoPapersFirstSeenOn(DAY);
        long id = activeReader(email, "", "diffusion");
        assertThat(runDigest(DAY)).as("emails sent").isEqualTo(1);
        follow(link(singleEmail(), "/unsubscribe/"));
        assertThat(heading()).contains("Unsubscribe");
        return id;
    }

    /** The page's one submit button with this text. */
    private static WebElement button(String text) {
        return browser.driver().findElements(By.cssSelector("main [type=submit], main button")).stream()
                .filter(b -> b.getText().strip().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no \"" + text + "\" button on " + heading()));
    }

    private static Reader reader(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Reader.<Reader>findById(id));
    }
}
