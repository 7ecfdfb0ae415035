package io.paperpost.subscription;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.Lists;
import io.paperpost.mail.EmailAddresses;
import io.paperpost.site.InvalidInputException;
import io.paperpost.site.RejectedRequestException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

/**
 * Imports an operator's subscriber file ({@link ReaderRows}: listmonk's CSV or one address per line) as readers,
 * streaming: rows are checked as they are read and written in transactions of {@link ReaderImportConfig#batchSize()},
 * so memory holds one batch and the mailbox keys seen so far (to drop duplicates within the file). A reader who
 * exists is left as is; an address that was erased, unsubscribed or bounced is never re-added. New readers are
 * either confirmed on the operator's word (written as one batch, {@link ReaderInserts}), or pending with the usual
 * confirmation email queued with them.
 */
@ApplicationScoped
public class ReaderImport {

    /** {@link Reader#consentSource} of readers imported as confirmed. */
    public static final String BY_OPERATOR = "import:operator";
    /** {@link Reader#consentSource} of readers imported and sent the confirmation link. */
    public static final String BY_OPT_IN = "import:double-opt-in";

    /**
     * Mailbox keys looked up per query. PostgreSQL reads the whole table for a list of 1,000 (a freshly filled table
     * has no statistics yet: 1 s per batch at 100,000 readers) and uses the unique index for 100.
     */
    static final int LOOKUP = 100;

    private static final Logger LOG = Logger.getLogger(ReaderImport.class);

    @Inject
    ReaderImportConfig config;
    @Inject
    PreferencesValidator validator;
    @Inject
    SuppressionList suppressions;
    @Inject
    SubscriptionMails mails;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    /** A checked row, ready to become a reader. */
    private record Candidate(String email, String key, Preferences preferences, String timeZone,
            boolean confirmed) {
    }

    /**
     * Reads the file to its end and imports its rows.
     *
     * @throws InvalidInputException (400) when the file holds no rows at all
     * @throws RejectedRequestException (409) when the configured default topics are not in the topic list
     */
    public ReaderImportReport importFrom(InputStream body, ImportConsent consent) throws IOException {
        Preferences defaults = defaults();
        ImportTally tally = new ImportTally(config.invalidRowsListed());
        Set<String> seen = new HashSet<>();
        List<Candidate> batch = new ArrayList<>(config.batchSize());
        Instant started = clock.instant();
        try (ReaderRows rows = ReaderRows.open(body)) {
            tally.shape(rows.isCsv() ? "csv" : "plain");
            try {
                for (ReaderRows.Row row = rows.next(); row != null; row = rows.next()) {
                    tally.row();
                    Candidate candidate = check(row, rows.isCsv(), consent, defaults, tally);
                    if (candidate == null) {
                        continue;
                    }
                    if (!seen.add(candidate.key())) {
                        tally.duplicate();
                        continue;
                    }
                    batch.add(candidate);
                    if (batch.size() >= config.batchSize()) {
                        write(batch, tally);
                        batch.clear();
                    }
                }
            } catch (ReaderRows.MalformedFileException e) {
                tally.stopped("Line " + e.line() + ": " + e.getMessage() + " The rows before it were imported.");
            }
        }
        write(batch, tally);
        if (tally.rows() == 0 && !tally.stoppedEarly()) {
            throw new InvalidInputException("body", "The file holds no rows: send one address per line, or CSV "
                    + "with a header naming an 'email' column.");
        }
        ReaderImportReport report = tally.report(consent == ImportConsent.CONFIRMED ? "confirmed" : "double-opt-in");
        LOG.infof("Imported readers (%s, %s): %d rows, %d added, %d present, %d duplicates, %d suppressed, %d "
                + "invalid, in %d ms", report.shape(), report.consent(), report.rows(), report.added(),
                report.alreadyPresent(), report.duplicates(), report.suppressed(), report.invalid(),
                clock.millis() - started.toEpochMilli());
        return report;
    }

    private Preferences defaults() {
        try {
            return validator.validate(config.defaultTopics(), "", List.of());
        } catch (InvalidInputException e) {
            throw new RejectedRequestException(Response.Status.CONFLICT, "Import not configured",
                    "paperpost.reader-import.default-topics must name topics of the topic list: " + e.getMessage(),
                    null);
        }
    }

    /** The row as a reader to add, or null when it is invalid or the file says the reader left (counted). */
    private Candidate check(ReaderRows.Row row, boolean csv, ImportConsent consent, Preferences defaults,
            ImportTally tally) {
        String email;
        try {
            email = EmailAddresses.normalize(row.email());
        } catch (InvalidInputException e) {
            boolean looksLikeCsv = !csv && row.email().matches(".*[,;\t|].*");
            tally.invalid(row.line(), looksLikeCsv
                    ? "Not an address. A plain file holds one address per line; a CSV file needs a first line "
                            + "naming its columns, one of them 'email'."
                    : e.getMessage());
            return null;
        }
        try {
            ImportedAttributes attributes = ImportedAttributes.read(row.attributes(), row.status(), json);
            if (attributes.standing() == ImportedAttributes.Standing.LEFT) {
                tally.suppressed();
                return null;
            }
            Preferences chosen = attributes.topics().isEmpty() && attributes.interests().isBlank()
                    && attributes.authors().isEmpty()
                            ? defaults
                            : validator.validate(attributes.topics(), attributes.interests(), attributes.authors());
            String zone = attributes.timeZone() == null ? "UTC" : Schedule.zone("timezone", attributes.timeZone());
            boolean confirmed = consent == ImportConsent.CONFIRMED
                    && attributes.standing() == ImportedAttributes.Standing.CURRENT;
            return new Candidate(email, EmailAddresses.keyOfNormalized(email), chosen, zone, confirmed);
        } catch (InvalidInputException e) {
            tally.invalid(row.line(), e.getMessage());
            return null;
        }
    }

    /**
     * Writes one batch in its own transaction and counts it once committed. A signup of one of its addresses that
     * commits in between breaks the unique key; the batch then runs again and finds that reader present.
     */
    private void write(List<Candidate> batch, ImportTally tally) {
        if (batch.isEmpty()) {
            return;
        }
        ImportTally.Batch counts;
        try {
            counts = QuarkusTransaction.requiringNew().call(() -> store(batch));
        } catch (PersistenceException e) {
            // Hibernate reports it itself (the batch insert) or as the cause (a flush).
            if (!(e instanceof ConstraintViolationException || e.getCause() instanceof ConstraintViolationException)) {
                throw e;
            }
            counts = QuarkusTransaction.requiringNew().call(() -> store(batch));
        }
        tally.add(counts);
    }

    private ImportTally.Batch store(List<Candidate> batch) {
        Map<String, ReaderStatus> existing = new HashMap<>();
        for (List<String> keys : Lists.partition(batch.stream().map(Candidate::key).toList(), LOOKUP)) {
            Reader.getEntityManager()
                    .createQuery("select r.emailKey, r.status from Reader r where r.emailKey in :keys",
                            Object[].class)
                    .setParameter("keys", keys).getResultStream()
                    .forEach(row -> existing.put((String) row[0], (ReaderStatus) row[1]));
        }
        Set<String> erased = suppressions.suppressedAmong(
                batch.stream().filter(c -> !existing.containsKey(c.key())).map(Candidate::email).toList());
        Instant now = clock.instant();
        ImportTally.Batch counts = new ImportTally.Batch();
        List<Reader> confirmed = new ArrayList<>();
        for (Candidate candidate : batch) {
            ReaderStatus status = existing.get(candidate.key());
            if (status == ReaderStatus.UNSUBSCRIBED || status == ReaderStatus.BOUNCED
                    || erased.contains(candidate.email())) {
                counts.suppressed++;
            } else if (status != null) {
                counts.alreadyPresent++;
            } else {
                add(candidate, now, confirmed);
                counts.added++;
            }
        }
        ReaderInserts.insert(confirmed);
        return counts;
    }

    /** A new reader: confirmed ones are collected for one batch insert, pending ones stored with their email. */
    private void add(Candidate candidate, Instant now, List<Reader> confirmed) {
        Reader reader = new Reader();
        // Both already computed (setEmail would validate the address again).
        reader.email = candidate.email();
        reader.emailKey = candidate.key();
        reader.choose(candidate.preferences());
        reader.timeZone = candidate.timeZone();
        reader.createdAt = now;
        if (candidate.confirmed()) {
            reader.status = ReaderStatus.ACTIVE;
            reader.confirmedAt = now;
            reader.consentSource = BY_OPERATOR;
            confirmed.add(reader);
        } else {
            reader.status = ReaderStatus.PENDING;
            reader.consentSource = BY_OPT_IN;
            reader.persist();
            mails.sendFirstConfirmation(reader);
        }
    }
}
