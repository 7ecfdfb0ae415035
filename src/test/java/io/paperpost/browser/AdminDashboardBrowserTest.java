package io.paperpost.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpost.TestData;
import io.paperpost.digest.DigestRun;
import io.paperpost.mail.ScriptedSmtpResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The operator watches a run started with "Run now" finish on the dashboard, without reloading it. The mail server
 * answers each email after a pause, so the run is still going when the page comes back and only the page's own
 * polling can show it finish.
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
@WithTestResource(ScriptedSmtpResource.class)
class AdminDashboardBrowserTest extends BrowserFlow {

    static final int READERS = 6;
    /** 6 emails × 1 s: a run of about six seconds. */
    static final Duration SMTP_PAUSE = Duration.ofSeconds(1);
    /** The newest row of the runs table: {@code <tr data-run-id data-status>} in {@code <table id="runs">}. */
    static final String NEWEST_RUN = """
            const rows = [...document.querySelectorAll('table#runs tr[data-run-id]')];
            rows.sort((a, b) => Number(b.dataset.runId) - Number(a.dataset.runId));
            return rows.length ? rows[0] : null;
            """;

    @AfterEach
    void answerAtOnceAgain() {
        ScriptedSmtpResource.server().answerDataAfter(Duration.ZERO);
        ScriptedSmtpResource.server().reset();
    }

    @Test
    void aRunStartedWithRunNowIsSeenToFinishWithItsFinalCountsWithoutAReload() {
        QuarkusTransaction.requiringNew().run(() -> DigestRun.deleteAll());
        data.demoPapersFirstSeenOn(LocalDate.now());
        for (int i = 0; i < READERS; i++) {
            activeReader("operator-watch-" + i + "@example.org", "", "diffusion");
        }
        ScriptedSmtpResource.server().reset();
        ScriptedSmtpResource.server().answerDataAfter(SMTP_PAUSE);
        browser.sendWithEveryRequest("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (TestData.ADMIN_USER + ":" + TestData.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        browser.open(local("/admin"));
        checks.checkPage("admin-dashboard");

        browser.script("window.__beforeRunNow = true;");
        runNowButton().click();
        // "Run now" may post and come back (a new page) or start the run by script (the same page).
        browser.waitUntil("the dashboard after Run now", d -> browser.script("return window.__beforeRunNow;") == null
                || browser.script(NEWEST_RUN) != null);
        browser.waitUntil("the dashboard loaded",
                d -> "complete".equals(browser.script("return document.readyState;")));
        browser.script("window.__noReload = true;");
        WebElement shown = (WebElement) browser.script(NEWEST_RUN);
        String firstShown = shown == null ? "no row yet" : shown.getAttribute("data-status");
        checks.checkPage("admin-dashboard-running");
        assertThat(browser.driver().findElements(By.cssSelector("table#runs"))).as("the runs table, table#runs")
                .hasSize(1);
        assertThat(firstShown)
                .as("the run as the page first shows it (it must still be running for this test to prove anything)")
                .isIn("no row yet", "RUNNING");

        WebElement finished = browser.waitUntil("the newest run's row reading FINISHED", Duration.ofSeconds(30), d -> {
            WebElement row = (WebElement) browser.script(NEWEST_RUN);
            return row != null && "FINISHED".equals(row.getAttribute("data-status")) ? row : null;
        });
        assertThat(browser.script("return window.__noReload === true;")).as("the page was not reloaded").isEqualTo(
                true);
        assertThat(ScriptedSmtpResource.server().accepted()).hasSize(READERS);
        assertThat(finished.getText()).as("the finished run's row shows its final sent count")
                .contains(String.valueOf(READERS));
        checks.checkPage("admin-dashboard-finished");
        checks.assertAllPassed();
    }

    private static WebElement runNowButton() {
        return browser.driver().findElements(By.cssSelector("button, [type=submit]")).stream()
                .filter(b -> b.getText().strip().equals("Run now")).findFirst()
                .orElseThrow(() -> new AssertionError("no Run now button on the dashboard"));
    }
}
