package io.paperpost.digest;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Works open digest chunks on {@link DigestConfig#threads()} threads, on every instance: this is how a run's work
 * is spread over the cores and over the instances that did not fire it, and how a chunk left by a dead instance is
 * taken over. The threads look for chunks every few seconds, and at once when this instance plans a run. Plain
 * threads rather than a {@code @Scheduled} job, because Quartz's clustered store fires scheduled jobs on one
 * instance only.
 */
@ApplicationScoped
public class ChunkWorker {

    private static final Logger LOG = Logger.getLogger(ChunkWorker.class);

    @Inject
    ChunkProcessor processor;
    @Inject
    DigestConfig config;

    private ScheduledExecutorService poller;
    private ExecutorService workers;
    /** Threads working chunks now; a wake-up starts only the missing ones. */
    private final AtomicInteger working = new AtomicInteger();

    void start(@Observes StartupEvent event) {
        if (!config.workerEnabled()) {
            return;
        }
        AtomicInteger numbers = new AtomicInteger();
        workers = Executors.newFixedThreadPool(config.threads(), runnable -> {
            Thread thread = new Thread(runnable, "digest-worker-" + numbers.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "digest-chunk-poller");
            thread.setDaemon(true);
            return thread;
        });
        long poll = config.workerPoll().toMillis();
        poller.scheduleWithFixedDelay(this::wake, poll, poll, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (poller != null) {
            poller.shutdownNow();
            workers.shutdownNow();
        }
    }

    /** Puts every idle worker thread onto the open chunks; does nothing when the worker is disabled. */
    public void wake() {
        if (workers == null) {
            return;
        }
        while (true) {
            int now = working.get();
            if (now >= config.threads()) {
                return;
            }
            if (working.compareAndSet(now, now + 1)) {
                try {
                    workers.execute(this::work);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    working.decrementAndGet();
                    return; // shutting down
                }
            }
        }
    }

    private void work() {
        try {
            processor.workOpenChunks();
        } catch (RuntimeException e) {
            // The next poll tries again; a chunk this thread held is taken over when its lease runs out.
            LOG.errorf(e, "Digest chunk worker failed");
        } finally {
            working.decrementAndGet();
        }
    }
}
