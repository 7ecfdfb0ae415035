package io.paperpost.papers;

import io.paperpost.papers.arxiv.ArxivApiSource;
import io.paperpost.papers.arxiv.ArxivRssSource;
import io.paperpost.papers.huggingface.HuggingFaceDailyPapersSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The imports: each source on its own schedule ({@link SourcesConfig}), and every enabled source in turn when the
 * operator asks. Any number of imports a day is safe: a paper becomes available to readers when its batch is
 * committed ({@link PaperFeed}), whenever that is. A source that fails is logged and recorded as failed in
 * {@code import_run} (with what it delivered before failing kept), and the others go on.
 */
@ApplicationScoped
public class DailyImport {

    private static final Logger LOG = Logger.getLogger(DailyImport.class);

    @Inject
    PaperSources sources;
    @Inject
    PaperImporter importer;
    @Inject
    ImportRuns runs;
    @Inject
    Clock clock;

    private final AtomicBoolean running = new AtomicBoolean();

    /** Thrown when an import is asked for while one is running. */
    public static final class AlreadyRunningException extends RuntimeException {
        AlreadyRunningException() {
            super("the daily import is already running", null, false, false);
        }
    }

    @Scheduled(identity = "import-huggingface", cron = "{paperpost.sources.huggingface.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void huggingFace() {
        scheduled(HuggingFaceDailyPapersSource.NAME);
    }

    @Scheduled(identity = "import-arxiv-api", cron = "{paperpost.sources.arxiv.api.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void arxivApi() {
        scheduled(ArxivApiSource.NAME);
    }

    @Scheduled(identity = "import-arxiv-rss", cron = "{paperpost.sources.arxiv.rss.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void arxivRss() {
        scheduled(ArxivRssSource.NAME);
    }

    @Scheduled(identity = "import-file", cron = "{paperpost.sources.file.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void file() {
        scheduled(JsonLinesFileSource.NAME);
    }

    /** Imports the source if it is enabled; waits for an import already running (imports run one at a time). */
    void scheduled(String name) {
        for (PaperSource source : sources.enabled()) {
            if (source.name().equals(name)) {
                importer.run(source, LocalDate.now(clock));
            }
        }
    }

    /**
     * Imports from every enabled source now, papers new to PaperPost first seen today.
     *
     * @return one run per source, in the order they ran
     * @throws AlreadyRunningException when the daily import is running already
     */
    public List<ImportRunView> runNow() {
        if (!running.compareAndSet(false, true)) {
            throw new AlreadyRunningException();
        }
        try {
            LocalDate today = LocalDate.now(clock);
            List<Long> ids = new ArrayList<>();
            int failed = 0;
            for (PaperSource source : sources.enabled()) {
                PaperImporter.Outcome outcome = importer.run(source, today);
                ids.add(outcome.runId());
                if (!outcome.ok()) {
                    failed++;
                }
            }
            LOG.infof("Daily paper import done: %d sources, %d failed", ids.size(), failed);
            return runs.find(ids);
        } finally {
            running.set(false);
        }
    }
}
