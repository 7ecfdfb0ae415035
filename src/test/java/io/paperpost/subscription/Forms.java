package io.paperpost.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what a test needs from a served HTML page. */
final class Forms {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");

    private Forms() {
    }

    /** The signed form token of the page's first form. */
    static String token(String page) {
        Matcher matcher = FORM_TOKEN.matcher(page);
        assertThat(matcher.find()).as("the page has a form token").isTrue();
        return matcher.group(1);
    }

    /** Waits out the minimum fill time of the strict profile. */
    static void pauseLikeAPerson() throws InterruptedException {
        Thread.sleep(1_100);
    }
}
