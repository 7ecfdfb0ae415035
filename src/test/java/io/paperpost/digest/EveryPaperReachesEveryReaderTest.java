package io.paperpost.digest;

import static io.paperpost.digest.TestReaders.active;
import static io.paperpost.digest.TestReaders.save;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperpost.papers.PaperRecord;
import io.paperpost.subscription.Reader;
import io.quarkus.test.junit.QuarkusTest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The product's promise on the scheduled path, over several simulated days: a fake Hugging Face list publishes
 * papers through each UTC day (the last one late in the evening), the scheduled run fires every 15 minutes, and
 * readers from UTC+13 to UTC-10 get every paper that fits them exactly once, in the first email after it was
 * imported, at their own local hour, never twice on one local date. The days cross the US daylight-saving change.
 */
@QuarkusTest
class EveryPaperReachesEveryReaderTest extends SimulatedDaysTest {

    private static final Logger LOG = Logger.getLogger(EveryPaperReachesEveryReaderTest.class);

    /** Thursday; the US moves its clocks forward on Sunday 8 March 2026. */
    static final Instant START = Instant.parse("2026-03-05T00:00:00Z");

    record Subscriber(String email, String zone, int hour) {
    }

    static final List<Subscriber> DAILY = List.of(
            new Subscriber("tongatapu@example.org", "Pacific/Tongatapu", 7),
            new Subscriber("tokyo@example.org", "Asia/Tokyo", 7),
            new Subscriber("kolkata@example.org", "Asia/Kolkata", 8),
            new Subscriber("berlin@example.org", "Europe/Berlin", 7),
            new Subscriber("la@example.org", "America/Los_Angeles", 7),
            new Subscriber("honolulu@example.org", "Pacific/Honolulu", 6));

    @Test
    void everyOnTopicPaperReachesEveryReaderOnceAtTheirHourWhateverTheirZoneAndWhenItWasImported() throws Exception {
        clock.set(START);
        for (Subscriber s : DAILY) {
            save(reader(s));
        }
        Reader weekly = TestReaders.weekly(reader(new Subscriber("weekly@example.org", "Europe/London", 9)),
                DayOfWeek.MONDAY);
        save(weekly);

        // Four imports a UTC day, each bringing one paper on the readers' topic; the noon one also an unrelated one.
        Set<String> onTopic = new LinkedHashSet<>();
        int n = 0;
        for (int day = 0; day < 5; day++) {
            for (int hour : new int[]{0, 6, 12, 20}) {
                Instant at = START.plus(Duration.ofDays(day).plusHours(hour).plusMinutes(5));
                String id = arxivId(++n);
                onTopic.add(id);
                simulation.publish(at, onTopicPaper(id, n));
                if (hour == 12) {
                    simulation.publish(at, unrelatedPaper(arxivId(500 + n), n));
                }
            }
        }
        simulation.run(START, START.plus(Duration.ofDays(5).plusHours(17)), Duration.ofMinutes(15));

        Map<String, List<String>> problems = new LinkedHashMap<>();
        for (Subscriber s : DAILY) {
            problems.put(s.email(), simulation.problems(s.email(), ZoneId.of(s.zone()), s.hour(), onTopic));
        }
        problems.put(weekly.email, simulation.problems(weekly.email, ZoneId.of("Europe/London"), 9, onTopic));
        report(onTopic, problems);

        problems.forEach((reader, found) -> assertThat(found).as(reader).isEmpty());
        // Every daily reader had an email on each local day from the first paper on, the weekly one on Monday.
        for (Subscriber s : DAILY) {
            assertThat(simulation.emailsTo(s.email())).as(s.email()).hasSizeGreaterThanOrEqualTo(5);
        }
        assertThat(simulation.emailsTo(weekly.email)).singleElement()
                .satisfies(e -> assertThat(e.at()).isEqualTo(Instant.parse("2026-03-09T09:00:00Z")));
    }

    /** One line per reader for the log: how many on-topic papers arrived, and what went wrong. */
    private void report(Set<String> onTopic, Map<String, List<String>> problems) {
        List<String> lines = new ArrayList<>();
        problems.forEach((reader, found) -> {
            long received = simulation.emailsTo(reader).stream().flatMap(e -> e.paperIds().stream())
                    .filter(onTopic::contains).distinct().count();
            lines.add(String.format(Locale.ROOT, "%-22s %2d emails, %2d of %d on-topic papers, %d problems%s", reader,
                    simulation.emailsTo(reader).size(), received, onTopic.size(), found.size(),
                    found.isEmpty() ? "" : ": " + String.join("; ", found)));
        });
        LOG.info("Simulation, per reader:\n" + String.join("\n", lines));
    }

    static Reader reader(Subscriber s) {
        Reader reader = active(s.email(), s.zone(), s.hour());
        reader.papersPerEmail = 30;
        return reader;
    }

    static String arxivId(int n) {
        return String.format(Locale.ROOT, "2603.%05d", n);
    }

    static PaperRecord onTopicPaper(String id, int n) {
        return new PaperRecord(id, "Speculative decoding for LLM inference, variant " + words(n),
                "We speed up LLM inference with speculative decoding: a small draft model proposes tokens that the "
                        + "large model verifies in parallel.",
                List.of("Ada Lovelace"), null, null, List.of("cs.CL"),
                LocalDate.of(2026, 3, 5), 10, null);
    }

    static PaperRecord unrelatedPaper(String id, int n) {
        return new PaperRecord(id, "Soil moisture maps from satellite radar, study " + words(n),
                "Radar backscatter over farmland predicts soil moisture.", List.of("Grace Hopper"), null, null,
                List.of("physics.geo-ph"), LocalDate.of(2026, 3, 5), 0, null);
    }

    /** A number in words, so titles differ in words rather than in digits only. */
    static String words(int n) {
        String[] ones = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
        StringBuilder text = new StringBuilder();
        for (char digit : Integer.toString(n).toCharArray()) {
            text.append(text.length() == 0 ? "" : " ").append(ones[digit - '0']);
        }
        return text.toString();
    }
}
