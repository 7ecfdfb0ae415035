package io.paperpost.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Checks the page a browser shows at 375 px (a phone) and 1280 px, in light and dark mode: no horizontal scroll,
 * no serious or critical axe-core violation, no console error, and a screenshot under {@value #DIRECTORY} for review. Problems are
 * collected, so one flow reports every page it went through; {@link #assertAllPassed()} fails the test with them.
 */
public final class PageChecks {

    static final String DIRECTORY = "target/browser-screenshots";
    static final int[] WIDTHS = {375, 1280};
    /** axe-core's two worst impacts, the ones issue 17 forbids. */
    static final List<String> FORBIDDEN = List.of("critical", "serious");
    /** Set once per JVM (Quarkus restarts give test classes fresh class loaders, so not a static field). */
    private static final String SUMMARY_STARTED = "paperpost.browser.axe-summary-started";

    private final Browser browser;
    private final Set<String> problems = new LinkedHashSet<>();

    public PageChecks(Browser browser) {
        this.browser = browser;
    }

    /**
     * Checks the current page in all four combinations, then leaves it at 1280 px, light; and that the browser's
     * console has no error since the last check (a script that failed, a resource that did not load).
     */
    public void checkPage(String name) {
        // The page's own status is no error of the page: the 404 page and a refused form answer 4xx on purpose.
        String self = browser.driver().getCurrentUrl() + " - Failed to load resource";
        for (String error : browser.consoleErrors()) {
            if (!error.startsWith(self)) {
                problems.add(name + ": console error: " + error);
            }
        }
        for (int width : WIDTHS) {
            for (boolean dark : new boolean[]{false, true}) {
                browser.emulate(width, dark);
                String combination = name + "-" + width + "-" + (dark ? "dark" : "light");
                String scroll = checkScroll(combination, width);
                checkAxe(combination, scroll);
                browser.screenshot(Path.of(DIRECTORY, combination + ".png"));
            }
        }
        browser.emulate(1280, false);
    }

    /** Records a problem found by a flow itself (a missing button, focus in the wrong place). */
    public void problem(String description) {
        problems.add(description);
    }

    /** Fails with every problem of every page checked since the last call. */
    public void assertAllPassed() {
        List<String> found = List.copyOf(problems);
        problems.clear();
        assertThat(found).as("problems on the pages checked (details in " + DIRECTORY + "/axe-summary.txt)")
                .isEmpty();
    }

    /**
     * Prints the problems a failed test left unreported (its flow stopped before {@link #assertAllPassed()}), so
     * the page owners still see them.
     */
    public void reportLeftovers(String test) {
        if (!problems.isEmpty()) {
            System.err.println("Browser test " + test + " also found, before it stopped:\n  "
                    + String.join("\n  ", problems));
            problems.clear();
        }
    }

    /**
     * Records a sideways scroll; answers the summary's words for the width. Measured against the emulated width too:
     * in phone mode Chromium zooms out to fit a page that is too wide, and then innerWidth grows with the page.
     */
    private String checkScroll(String combination, int width) {
        @SuppressWarnings("unchecked")
        Map<String, Number> size = (Map<String, Number>) browser.script(
                "return {scroll: document.documentElement.scrollWidth, inner: window.innerWidth};");
        long scroll = size.get("scroll").longValue();
        long inner = Math.min(size.get("inner").longValue(), width);
        if (scroll <= inner) {
            return "no horizontal scroll";
        }
        String found = "scrolls sideways, scrollWidth " + scroll + " > innerWidth " + inner + " (widest: " + widest()
                + ")";
        problems.add(combination + ": " + found);
        return found;
    }

    /** The element reaching furthest right, to say what makes a page scroll sideways. */
    private Object widest() {
        return browser
                .script("""
                        let best = null, right = 0;
                        for (const el of document.body.querySelectorAll('*')) {
                          const r = el.getBoundingClientRect().right;
                          if (r > right) { right = r; best = el; }
                        }
                        if (!best) return 'none';
                        return best.tagName.toLowerCase() + (best.id ? '#' + best.id : '')
                          + (best.className && typeof best.className === 'string' ? '.' + best.className.trim().split(/\\s+/).join('.') : '')
                          + ' right=' + Math.round(right);
                        """);
    }

    private void checkAxe(String combination, String scroll) {
        Results results = new AxeBuilder().analyze(browser.driver());
        if (results.isErrored()) {
            problems.add(combination + ": axe-core failed: " + results.getErrorMessage());
            summarize(combination + ": " + scroll + "; axe-core failed: " + results.getErrorMessage());
            return;
        }
        Map<String, Integer> byImpact = new TreeMap<>();
        List<String> lines = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            String impact = rule.getImpact() == null ? "unknown" : rule.getImpact();
            byImpact.merge(impact, rule.getNodes().size(), Integer::sum);
            String line = rule.getId() + " [" + impact + "] " + rule.getHelp() + " at " + targets(rule);
            lines.add(line);
            if (FORBIDDEN.contains(impact)) {
                problems.add(combination + ": axe " + line);
            }
        }
        summarize(combination + " " + results.getUrl() + ": " + scroll + "; axe: "
                + (byImpact.isEmpty() ? "no violations" : byImpact.toString() + " — " + String.join("; ", lines)));
    }

    private static String targets(Rule rule) {
        return rule.getNodes().stream().map(CheckedNode::getTarget).map(String::valueOf)
                .collect(Collectors.joining(", "));
    }

    private static void summarize(String line) {
        Path summary = Path.of(DIRECTORY, "axe-summary.txt");
        try {
            Files.createDirectories(summary.getParent());
            boolean first = System.getProperties().putIfAbsent(SUMMARY_STARTED, "true") == null;
            Files.writeString(summary, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    first ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
