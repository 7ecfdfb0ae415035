package io.paperpost.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpost.mail.MailBodies;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The confirmation, welcome, already-subscribed, address-change, changed-address notice and fresh-link emails in light
 * and dark: each declares both
 * schemes, sets its own background and text colour, has a heading, and its muted text reaches WCAG's 4.5:1 on its
 * background in both (the dark colours are checked as the email's own CSS declares them).
 */
@QuarkusTest
class AccountEmailsDarkModeTest {

    static final Pattern DARK = Pattern.compile("@media \\(prefers-color-scheme: dark\\) \\{(.*?)\\n\\}",
            Pattern.DOTALL);

    @Test
    void everyAccountEmailHasDarkStylesWithReadableMutedText() {
        Map<String, String> emails = Map.of(
                "confirm", html(() -> SubscriptionMails.Templates.confirm("PaperPost", "https://x/c", "contact")),
                "welcome",
                html(() -> SubscriptionMails.Templates.welcome("PaperPost", "Diffusion", "every morning", 10,
                        "https://x/m", "https://x/u", "contact")),
                "alreadySubscribed",
                html(() -> SubscriptionMails.Templates.alreadySubscribed("PaperPost", "https://x/m", "contact")),
                "emailChange", html(() -> SubscriptionMails.Templates.emailChange("PaperPost", "new@example.org",
                        "https://x/e", "contact")),
                "addressChanged", html(() -> SubscriptionMails.Templates.addressChanged("PaperPost",
                        "new@example.org", "https://x/undo", "contact")),
                "freshLinks", html(() -> SubscriptionMails.Templates.freshLinks("PaperPost", "https://x/m",
                        "contact")));
        emails.forEach((name, html) -> {
            assertThat(html).as(name).contains("<meta name=\"color-scheme\" content=\"light dark\">")
                    .contains("color-scheme: light dark;")
                    .contains(
                            "<body class=\"pp-page\" style=\"margin:0;padding:0;background-color:#ffffff;color:#1d2433;")
                    .containsOnlyOnce("<h1 ")
                    .doesNotContain("color:#667085");
            Matcher dark = DARK.matcher(html);
            assertThat(dark.find()).as(name + " has dark styles").isTrue();
            String css = dark.group(1);
            String background = colour(css, "\\.pp-page \\{ background-color: (#[0-9a-f]{6})");
            assertThat(contrast(colour(css, "\\.pp-muted \\{ color: (#[0-9a-f]{6})"), background)).as(name)
                    .isGreaterThanOrEqualTo(4.5);
            assertThat(contrast(colour(css, "\\.pp-text \\{ color: (#[0-9a-f]{6})"), background)).as(name)
                    .isGreaterThanOrEqualTo(4.5);
            // Light: the muted colour the paragraphs use inline, on the white body.
            assertThat(html).as(name).contains("class=\"pp-muted pp-line\" style=\"font-size:12px;color:#5b6473;");
            assertThat(contrast("#5b6473", "#ffffff")).isGreaterThanOrEqualTo(4.5);
        });
    }

    @Test
    void theDarkMutedColourIsAboveWhatTheOldGreyReached() {
        // The measurement: #667085 on a dark background was below 4.5:1.
        assertThat(contrast("#667085", "#11151d")).isLessThan(4.5);
        assertThat(contrast("#a0a8b8", "#11151d")).isGreaterThan(7.0);
    }

    private static String html(java.util.function.Supplier<io.quarkus.qute.TemplateInstance> template) {
        return MailBodies.render(template).html();
    }

    private static String colour(String css, String regex) {
        Matcher m = Pattern.compile(regex).matcher(css);
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }

    /** WCAG 2.x contrast ratio of two sRGB colours. */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
