package io.paperpost.admin;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Instants on the admin pages: {@code {adminTime:of(run.startedAt)}} renders a {@code <time>} element whose
 * {@code datetime} is the ISO-8601 instant (to the second) and whose text is a readable UTC fallback such as
 * "2026-12-03 08:15 UTC"; the page's script rewrites it to the operator's local time and zone.
 */
@TemplateExtension(namespace = "adminTime")
public final class AdminTimes {

    private static final DateTimeFormatter READABLE_UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private AdminTimes() {
    }

    /** The instant as a {@code <time>} element; a dash for none. */
    static RawString of(Instant instant) {
        if (instant == null) {
            return new RawString("—");
        }
        // Both strings are made here from an Instant (digits, '-', ':', 'T', 'Z', "UTC"): nothing to escape.
        return new RawString("<time datetime=\"" + iso(instant) + "\">" + utc(instant) + "</time>");
    }

    /** "2026-12-03T08:15:30Z": no fraction of a second. */
    static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** "2026-12-03 08:15 UTC". */
    static String utc(Instant instant) {
        return READABLE_UTC.format(instant);
    }
}
