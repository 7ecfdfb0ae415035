package io.paperpost.embedding;

import io.paperpost.papers.PapersImported;
import io.paperpost.site.WakeSignal;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Embeds, on one low-priority thread per instance, what has no vector yet: new papers after an import, old papers
 * after an upgrade, readers who changed their interests. Off the request path: a signup or an import never waits
 * for the model. Woken by {@link #wake()} and every {@link EmbeddingConfig#pollInterval()}.
 */
@ApplicationScoped
public class EmbeddingWorker {

    private static final Logger LOG = Logger.getLogger(EmbeddingWorker.class);
    private static final Duration AFTER_ERROR = Duration.ofSeconds(30);

    @Inject
    EmbeddingConfig config;
    @Inject
    Instance<EmbeddingBackfill> backfills;

    private final WakeSignal signal = new WakeSignal();
    private volatile boolean running;
    private volatile long passes;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("Semantic ranking is off (paperpost.embedding.enabled=false): papers rank by their words");
            return;
        }
        running = true;
        thread = new Thread(this::loop, "embedding");
        thread.setDaemon(true);
        // The digest's threads come first on a busy machine; embedding can wait a little.
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wake();
        if (thread != null) {
            thread.join(5_000);
        }
    }

    /** Looks for work now instead of at the next poll. */
    public void wake() {
        signal.wake();
    }

    /** Waits until nothing is left to embed (for tests); true when that happened in time. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        // A pass that starts after this call and finds nothing to do.
        long seen = passes;
        wake();
        while (System.nanoTime() < deadline) {
            if (passes >= seen + 2) {
                return true;
            }
            wake();
            Thread.sleep(20);
        }
        return false;
    }

    void onImport(@Observes PapersImported imported) {
        wake();
    }

    private void loop() {
        while (running) {
            try {
                int done;
                do {
                    done = 0;
                    for (EmbeddingBackfill backfill : backfills) {
                        done += backfill.embedSome(config.batchSize());
                    }
                } while (running && done > 0);
                passes++;
                await(config.pollInterval());
            } catch (RuntimeException e) {
                LOG.errorf("Embedding: %s; trying again in %d s", e.getMessage(), AFTER_ERROR.toSeconds());
                await(AFTER_ERROR);
            }
        }
    }

    private void await(Duration timeout) {
        if (!signal.await(timeout)) {
            running = false;
        }
    }
}
