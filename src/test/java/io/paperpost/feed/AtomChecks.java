package io.paperpost.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses a feed with Rome and checks the basics of RFC 4287 that a feed reader relies on. */
final class AtomChecks {

    /** RFC 3339 date-time (RFC 4287 §3.3). */
    private static final Pattern RFC_3339 = Pattern
            .compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern DATE_ELEMENT = Pattern.compile("<(updated|published)>([^<]*)</\\1>");

    private AtomChecks() {
    }

    /** The feed, after checking it is a valid Atom 1.0 feed in the points a reader needs. */
    static Feed parseValid(String xml) throws Exception {
        Feed feed = (Feed) new WireFeedInput().build(new StringReader(xml));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getId()).as("feed id").isNotBlank();
        assertThat(feed.getTitle()).as("feed title").isNotBlank();
        assertThat(feed.getUpdated()).as("feed updated").isNotNull();
        assertThat(feed.getOtherLinks()).as("rel=self").anyMatch(l -> "self".equals(l.getRel()));
        boolean feedAuthor = feed.getAuthors() != null && !feed.getAuthors().isEmpty();
        Set<String> ids = new HashSet<>();
        for (Entry entry : feed.getEntries()) {
            assertThat(entry.getId()).as("entry id").isNotBlank();
            assertThat(ids.add(entry.getId())).as("entry id %s unique", entry.getId()).isTrue();
            assertThat(entry.getTitle()).as("entry title").isNotBlank();
            assertThat(entry.getUpdated()).as("entry updated").isNotNull();
            List<Link> links = entry.getAlternateLinks();
            assertThat(links).as("entry link").isNotEmpty();
            assertThat(feedAuthor || entry.getAuthors() != null && !entry.getAuthors().isEmpty())
                    .as("an author for the feed or for every entry").isTrue();
        }
        Matcher dates = DATE_ELEMENT.matcher(xml);
        int count = 0;
        while (dates.find()) {
            assertThat(dates.group(2)).as("an RFC 3339 date").matches(RFC_3339);
            count++;
        }
        assertThat(count).as("dates: the feed's and one per entry").isEqualTo(1 + feed.getEntries().size());
        return feed;
    }

    static String summary(Entry entry) {
        return entry.getSummary() == null ? null : entry.getSummary().getValue();
    }
}
