package io.paperpost.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what tests need from received emails: the links in one, how many each recipient got. */
public final class ReceivedMail {

    private ReceivedMail() {
    }

    /** Every link in the plain-text part that starts with the given prefix, in order. */
    public static List<String> links(MimeMessage message, String prefix) throws MessagingException, IOException {
        List<String> links = new ArrayList<>();
        Matcher matcher = Pattern.compile(Pattern.quote(prefix) + "[A-Za-z0-9._~/-]+")
                .matcher(MimeParts.find(message, "text/plain"));
        while (matcher.find()) {
            links.add(matcher.group());
        }
        return links;
    }

    /** How many of the messages went to each recipient (the first To address). */
    public static Map<String, Long> countsByRecipient(MimeMessage[] messages) throws MessagingException {
        Map<String, Long> counts = new HashMap<>();
        for (MimeMessage message : messages) {
            counts.merge(message.getRecipients(Message.RecipientType.TO)[0].toString(), 1L, Long::sum);
        }
        return counts;
    }

    /** The path of a link, for RestAssured against the test port (the links carry the configured base URL). */
    public static String path(String link) {
        return java.net.URI.create(link).getPath();
    }
}
