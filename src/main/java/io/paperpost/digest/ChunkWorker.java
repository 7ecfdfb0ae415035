package io.paperpost.digest;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Looks for open digest chunks every few seconds, on every instance: this is how the instances that did not fire
 * a run share its work, and how a chunk left by a dead instance is taken over. A plain thread rather than a
 * {@code @Scheduled} job, because Quartz's clustered store fires scheduled jobs on one instance only.
 */
@ApplicationScoped
public class ChunkWorker {

    private static final Logger LOG = Logger.getLogger(ChunkWorker.class);

    @Inject
    DigestService digest;
    @Inject
    DigestConfig config;

    private ScheduledExecutorService executor;

    void start(@Observes StartupEvent event) {
        if (!config.workerEnabled()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "digest-chunk-worker");
            thread.setDaemon(true);
            return thread;
        });
        long poll = config.workerPoll().toMillis();
        executor.scheduleWithFixedDelay(this::poll, poll, poll, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void poll() {
        try {
            digest.workOpenChunks();
        } catch (RuntimeException e) {
            // The next poll tries again; a chunk this instance held is taken over when its lease runs out.
            LOG.errorf(e, "Digest chunk worker failed");
        }
    }
}
