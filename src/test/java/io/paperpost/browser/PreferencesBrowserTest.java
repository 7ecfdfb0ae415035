package io.paperpost.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpost.mail.GreenMailResource;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderTokens;
import io.paperpost.subscription.TokenPurpose;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;

/**
 * The preferences page as a reader uses it: the live preview follows the edits (interests, the trend slider), an
 * invalid value gets the page's own message next to the field with the focus on it and a summary linking to it, and
 * the fixed form saves.
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
@WithTestResource(GreenMailResource.class)
class PreferencesBrowserTest extends BrowserFlow {

    /** The preview's papers, as the page lists them. */
    static final String PREVIEW_ITEMS = "#preview-list li";
    static final String PAPERS_PER_EMAIL = "papersPerEmail";

    @Inject
    ReaderTokens tokens;

    @Test
    void thePreviewFollowsTheEditsAndAnInvalidValueIsExplainedAtItsFieldBeforeTheSave() {
        data.demoPapersFirstSeenOn(DAY);
        long id = activeReader("prefs@example.org", "diffusion models for image generation", "diffusion");
        browser.open(local("/preferences/" + tokens.issue(TokenPurpose.MANAGE, id)));
        checks.checkPage("preferences");

        List<String> saved = previewTitles();
        assertThat(saved).as("the preview of the saved choices").isNotEmpty();

        WebElement interests = browser.driver().findElement(By.name("interests"));
        interests.clear();
        interests.sendKeys("speculative decoding and KV cache compression for faster LLM inference");
        List<String> edited = awaitPreviewOtherThan(saved, "the preview after editing the interests");

        WebElement trend = browser.driver().findElement(By.name("trendWeight"));
        trend.sendKeys(Keys.END);
        assertThat(trend.getAttribute("value")).isEqualTo("100");
        awaitPreviewOtherThan(edited, "the preview after moving the trend slider to 100 % (issue 17: it ignored it)");

        WebElement form = browser.driver().findElement(By.cssSelector("form#preferences"));
        WebElement count = browser.driver().findElement(By.name(PAPERS_PER_EMAIL));
        count.clear();
        count.sendKeys("50");
        save(form);

        checkInvalidFieldIsExplained();
        checks.checkPage("preferences-invalid");

        count = browser.driver().findElement(By.name(PAPERS_PER_EMAIL));
        count.clear();
        count.sendKeys("12");
        save(browser.driver().findElement(By.cssSelector("form#preferences")));
        WebElement notice = browser.waitUntil("the saved notice", d -> d.findElements(By.cssSelector("[role=status]"))
                .stream().filter(e -> e.getText().contains("Saved")).findFirst().orElse(null));
        assertThat(notice.isDisplayed()).isTrue();
        checks.checkPage("preferences-saved");

        Reader stored = QuarkusTransaction.requiringNew().call(() -> Reader.<Reader>findById(id));
        assertThat(stored.papersPerEmail).isEqualTo(12);
        assertThat(stored.trendWeight).isEqualTo(1.0);
        assertThat(stored.interests).contains("speculative decoding");
        checks.assertAllPassed();
    }

    /**
     * Presses Save. The form must say {@code novalidate} (issue 17: 50 got the browser's bubble and was never sent);
     * without it the bubble is recorded as a problem and the form sent by script, so the rest is still checked.
     */
    private void save(WebElement form) {
        if (form.getAttribute("novalidate") == null) {
            checks.problem("preferences: the form lacks novalidate, so the browser's own bubble shows instead of the "
                    + "page's message");
            browser.script("arguments[0].submit();", form);
        } else {
            form.findElement(By.cssSelector("[type=submit]")).click();
        }
        browser.waitUntil("the page after Save", d -> "complete".equals(browser.script("return document.readyState;"))
                && d.findElements(By.cssSelector("form#preferences")).size() == 1);
    }

    /** After 50 papers per email: the message at the field, the focus on it, a summary that links to it. */
    private void checkInvalidFieldIsExplained() {
        WebElement field = browser.waitUntil("the field marked invalid", d -> d.findElements(
                By.cssSelector("[name=" + PAPERS_PER_EMAIL + "][aria-invalid=true]")).stream().findFirst()
                .orElse(null));
        String describedBy = field.getAttribute("aria-describedby");
        if (describedBy == null || describedBy.isBlank()) {
            checks.problem("preferences-invalid: the invalid field has no aria-describedby pointing at its message");
        } else {
            WebElement message = browser.driver().findElement(By.id(describedBy.split("\\s+")[0]));
            long gap = ((Number) browser.script("const a = arguments[0].getBoundingClientRect(),"
                    + " b = arguments[1].getBoundingClientRect(); return Math.abs(b.top - a.bottom);", field, message))
                    .longValue();
            if (!message.isDisplayed() || message.getText().isBlank() || gap > 120) {
                checks.problem(
                        "preferences-invalid: the field's message is not shown next to it (" + gap + " px away: \""
                                + message.getText() + "\")");
            }
        }
        WebElement focused = awaitFocus(PAPERS_PER_EMAIL);
        if (!PAPERS_PER_EMAIL.equals(focused.getAttribute("name"))) {
            checks.problem("preferences-invalid: the focus is on <" + focused.getTagName() + " name="
                    + focused.getAttribute("name") + ">, not on the first invalid field");
        }
        String fieldId = field.getAttribute("id");
        List<WebElement> summaryLinks = browser.driver().findElements(By.cssSelector("a[href='#" + fieldId + "']"));
        if (summaryLinks.stream().noneMatch(WebElement::isDisplayed)) {
            checks.problem("preferences-invalid: no error summary with a link to #" + fieldId);
        }
    }

    /** The focused element once it is the named field (a script may move the focus after load), or after 3 s. */
    private WebElement awaitFocus(String name) {
        try {
            return browser.waitUntil("the focus on " + name, Duration.ofSeconds(3),
                    d -> name.equals(browser.focused().getAttribute("name")) ? browser.focused() : null);
        } catch (TimeoutException e) {
            return browser.focused();
        }
    }

    private List<String> previewTitles() {
        return browser.driver().findElements(By.cssSelector(PREVIEW_ITEMS)).stream().map(WebElement::getText)
                .toList();
    }

    /** Waits for the preview to show other papers than before; records a problem when it never does. */
    private List<String> awaitPreviewOtherThan(List<String> before, String what) {
        try {
            return browser.waitUntil(what, d -> {
                List<String> now = previewTitles();
                return !now.isEmpty() && !now.equals(before) ? now : null;
            });
        } catch (TimeoutException e) {
            checks.problem("preferences: " + what + " did not change in " + Browser.WAIT.toSeconds() + " s");
            return before;
        }
    }
}
