package io.paperpost.bounces;

import io.paperpost.delivery.Delivery;
import io.paperpost.delivery.DeliveryStatus;
import io.paperpost.mail.EmailAddresses;
import io.paperpost.mail.queue.QueuedMail;
import io.paperpost.site.InvalidInputException;
import io.paperpost.subscription.Reader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the email a report is about: by a signed VERP return path it was sent to, else by the original email's
 * Message-ID (a digest's is {@code digest-<reader>-<date>@host}, found through the ledger's unique (reader, date)
 * key; an account email's through the mail queue, which keeps its rows 7 days). Runs inside the caller's
 * transaction. A batch of reports first loads its digests and readers in two queries ({@link #prefetch}): a query
 * per report was most of the intake's time (docs/benchmarks.md, "Bounce intake").
 */
@ApplicationScoped
class BounceMatcher {

    /** Ids per IN list: well below every database's limit on bind parameters. */
    private static final int IN_LIST = 500;
    private static final Pattern DIGEST = Pattern.compile("digest-(\\d{1,18})-(\\d{4}-\\d{2}-\\d{2})");

    @Inject
    VerpAddresses verp;

    /** The reader and email, or why there is none. */
    record Match(Reader reader, Long deliveryId, String reason) {
    }

    /** The digests a batch of reports may be about, by reader and date; their readers are loaded too. */
    record Batch(Map<String, Delivery> digests) {

        Set<Long> readerIds() {
            Set<Long> ids = new HashSet<>();
            digests.values().forEach(d -> ids.add(d.readerId));
            return ids;
        }
    }

    Batch prefetch(List<ParsedReport> reports) {
        Set<Long> readerIds = new HashSet<>();
        Set<LocalDate> dates = new HashSet<>();
        for (ParsedReport report : reports) {
            for (String id : ids(report)) {
                Matcher digest = DIGEST.matcher(id);
                LocalDate date = digest.matches() ? date(digest.group(2)) : null;
                if (date != null) {
                    readerIds.add(Long.parseLong(digest.group(1)));
                    dates.add(date);
                }
            }
        }
        Map<String, Delivery> digests = new HashMap<>();
        List<Long> all = List.copyOf(readerIds);
        for (int from = 0; from < all.size(); from += IN_LIST) {
            List<Long> page = all.subList(from, Math.min(all.size(), from + IN_LIST));
            Delivery.<Delivery>list("readerId in ?1 and digestDate in ?2", page, dates)
                    .forEach(d -> digests.put(d.readerId + "/" + d.digestDate, d));
            // Into the session, so that the matches below find them without a query each.
            Reader.list("id in ?1", page);
        }
        return new Batch(digests);
    }

    Match match(ParsedReport report, Batch batch) {
        List<String> ids = ids(report);
        String original = report.originalMessageId();
        if (ids.isEmpty()) {
            return new Match(null, null, "names no email: no Message-ID of the original and no signed return path");
        }
        for (String id : ids) {
            Match found = digest(id, report, batch);
            if (found == null && original != null) {
                found = accountEmail(original, report);
            }
            if (found != null) {
                return found;
            }
        }
        return new Match(null, null, "no email sent with Message-ID " + (original != null ? original : ids.get(0)));
    }

    /** Where the report may name its email: signed return paths first, then the returned email's Message-ID. */
    private List<String> ids(ParsedReport report) {
        List<String> ids = new ArrayList<>();
        for (String address : report.addressedTo()) {
            verp.messageIdPart(address).ifPresent(ids::add);
        }
        if (report.originalMessageId() != null) {
            ids.add(local(report.originalMessageId()));
        }
        return ids;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private Match digest(String id, ParsedReport report, Batch batch) {
        Matcher digest = DIGEST.matcher(id);
        LocalDate date = digest.matches() ? date(digest.group(2)) : null;
        if (date == null) {
            return null;
        }
        Delivery delivery = batch.digests().get(Long.parseLong(digest.group(1)) + "/" + date);
        // SENDING with no Message-ID yet: a crash after the server accepted it, so a bounce may well come back.
        boolean sent = delivery != null && (delivery.messageId != null
                ? local(delivery.messageId).equals(id)
                : delivery.status == DeliveryStatus.SENDING);
        if (!sent) {
            return null;
        }
        return withReader(delivery.readerId, delivery.id, null, report);
    }

    private Match accountEmail(String messageId, ParsedReport report) {
        QueuedMail queued = QueuedMail.<QueuedMail>find("messageId", messageId).firstResult();
        if (queued == null || queued.readerId == null) {
            return null;
        }
        return withReader(queued.readerId, null, queued.recipient, report);
    }

    /**
     * The reader, if the report is about the address they have now: a bounce of an address they left (or of a new
     * one they have not confirmed) must not stop the email to the one they use.
     */
    private static Match withReader(long readerId, Long deliveryId, String sentTo, ParsedReport report) {
        Reader reader = Reader.findById(readerId);
        if (reader == null) {
            return new Match(null, deliveryId, "reader " + readerId + " no longer exists");
        }
        // Feedback reports often redact the recipient (RFC 6590), so a complaint is taken by its email alone.
        String reported = report.kind() == ReportKind.COMPLAINT ? null : report.recipient();
        for (String address : new String[]{sentTo, reported}) {
            if (address != null && !sameMailbox(address, reader.email)) {
                return new Match(null, deliveryId, "about " + address + ", not the address reader " + readerId
                        + " has now");
            }
        }
        return new Match(reader, deliveryId, null);
    }

    private static boolean sameMailbox(String a, String b) {
        try {
            return EmailAddresses.key(a).equals(EmailAddresses.key(b));
        } catch (InvalidInputException e) {
            return a.equalsIgnoreCase(b);
        }
    }

    private static String local(String messageId) {
        int at = messageId.lastIndexOf('@');
        return (at < 0 ? messageId : messageId.substring(0, at)).toLowerCase(Locale.ROOT);
    }
}
