package io.paperpost.bounces;

import java.util.Locale;

/**
 * What was done with one report, as the intake answers it.
 *
 * @param outcome {@code suppressed}, {@code counted}, {@code unsubscribed}, {@code unchanged} (matched, the reader
 *                already gets nothing), {@code ignored} (nothing to act on), {@code unmatched}, {@code malformed},
 *                or {@code duplicate} (received before; {@code status} says what became of it then)
 * @param status  the stored report's status
 * @param reader  the reader it was about, or null
 * @param kind    {@code permanent}, {@code transient}, {@code complaint} or {@code notice}; null when malformed
 * @param code    the DSN status or feedback type
 * @param report  the stored report's id
 * @param detail  the remote server's words, or why it was kept aside
 */
public record BounceOutcome(String outcome, ReportStatus status, Long reader, String kind, String code, Long report,
        String detail) {

    static BounceOutcome of(BounceReport row, boolean duplicate) {
        String outcome = duplicate ? "duplicate" : switch (row.status) {
            case APPLIED -> row.action == BounceAction.NONE ? "unchanged" : lower(row.action.name());
            case IGNORED, UNMATCHED, MALFORMED -> lower(row.status.name());
        };
        return new BounceOutcome(outcome, row.status, row.readerId, row.kind == null ? null : lower(row.kind.name()),
                row.statusCode, row.id, row.detail);
    }

    /** Whether the report was not understood: a mailbox leaves such a message for a person to read. */
    public boolean notUnderstood() {
        return status == ReportStatus.MALFORMED;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
