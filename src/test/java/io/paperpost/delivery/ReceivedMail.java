package io.paperpost.delivery;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Reads what tests need from a received email: the links in it. */
public final class ReceivedMail {

    private ReceivedMail() {
    }

    /** Every link in the plain-text part that starts with the given prefix, in order. */
    public static List<String> links(MimeMessage message, String prefix) throws MessagingException, IOException {
        List<String> links = new ArrayList<>();
        Matcher matcher = Pattern.compile(Pattern.quote(prefix) + "[A-Za-z0-9._~/-]+").matcher(MimeParts.find(message, "text/plain"));
        while (matcher.find()) {
            links.add(matcher.group());
        }
        return links;
    }

    /** The path of a link, for RestAssured against the test port (the links carry the configured base URL). */
    public static String path(String link) {
        return java.net.URI.create(link).getPath();
    }
}
