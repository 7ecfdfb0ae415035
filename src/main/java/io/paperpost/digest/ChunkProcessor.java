package io.paperpost.digest;

import io.paperpost.delivery.Claim;
import io.paperpost.delivery.DeliveryLedger;
import io.paperpost.delivery.DeliveryQueries;
import io.paperpost.feedback.FeedbackService;
import io.paperpost.subscription.Reader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Works a run's chunks: pages through a chunk's due readers, sends each one's email ({@link ReaderPipeline}),
 * advances the page's readers in one transaction, and renews the chunk's lease as it goes, so a chunk left by a
 * dead instance is taken over where it stopped.
 */
@ApplicationScoped
class ChunkProcessor {

    private static final Logger LOG = Logger.getLogger(ChunkProcessor.class);

    @Inject
    DigestConfig config;
    @Inject
    DigestInputs inputs;
    @Inject
    ReaderPipeline pipeline;
    @Inject
    DeliveryLedger ledger;
    @Inject
    DeliveryQueries deliveryQueries;
    @Inject
    FeedbackService feedback;
    @Inject
    DigestChunks chunks;
    @Inject
    DigestRuns runs;
    @Inject
    SendingSwitch sending;

    /** Works open chunks of any run (started by this or another instance) until there are none; the background worker. */
    public void workOpenChunks() {
        Optional<DigestChunk> chunk;
        while (!sending.paused() && (chunk = chunks.claim(null)).isPresent()) {
            work(chunk.get());
        }
    }

    /** Sends to the chunk's due readers, renewing its lease and logging the run's progress every few seconds. */
    void work(DigestChunk chunk) {
        Object outerRun = MDC.get("runId");
        MDC.put("runId", chunk.runId);
        try {
            Slice slice = chunk.slice();
            RunProgress progress = new RunProgress(chunk);
            long position = chunk.position;
            RunPapers papers = inputs.papersOfRun(chunk.runId);
            // Loading and indexing the papers (the first chunk of a run on this instance) may take a while.
            if (!chunks.renew(chunk.id, position, progress)) {
                LOG.warnf("Digest run %d: chunk %d was taken over by another instance; leaving it", chunk.runId,
                        chunk.id);
                return;
            }
            long intervalNanos = config.progressInterval().toNanos();
            long lastReport = System.nanoTime();
            List<Reader> page;
            do {
                if (sending.paused()) {
                    chunks.renew(chunk.id, position, progress);
                    LOG.infof("Digest run %d: sending paused; chunk %d stops here", chunk.runId, chunk.id);
                    return;
                }
                page = inputs.dueReaders(slice, position, chunk.lastId, config.readerPageSize());
                // What each reader's ranking needs besides the reader, for the whole page in two queries.
                List<Long> ids = page.stream().map(r -> r.id).toList();
                Map<Long, Set<String>> sent = deliveryQueries.recentlySent(ids, slice.date());
                Map<Long, FeedbackService.Texts> rated = feedback.texts(ids);
                List<Claim> sentOnPage = new ArrayList<>();
                try {
                    for (Reader reader : page) {
                        pipeline.send(reader, slice.date(), papers, progress, sent.getOrDefault(reader.id, Set.of()),
                                rated.getOrDefault(reader.id, FeedbackService.Texts.NONE)).ifPresent(sentOnPage::add);
                        position = reader.id;
                        if (System.nanoTime() - lastReport >= intervalNanos) {
                            lastReport = System.nanoTime();
                            if (!chunks.renew(chunk.id, position, progress)) {
                                LOG.warnf("Digest run %d: chunk %d was taken over by another instance; leaving it",
                                        chunk.runId, chunk.id);
                                return;
                            }
                            LOG.infof("Digest run %d: %s", chunk.runId, runs.refresh(chunk.runId).progressLine());
                        }
                    }
                } finally {
                    // The readers' side of the page's sent emails, in one transaction rather than one per email.
                    ledger.advanceReaders(sentOnPage);
                }
            } while (page.size() == config.readerPageSize());
            if (chunks.complete(chunk.id, position, progress)) {
                runs.finishIfDone(chunk.runId, chunks.unfinished(chunk.runId));
            } else {
                LOG.warnf("Digest run %d: chunk %d was taken over by another instance before it finished here",
                        chunk.runId, chunk.id);
            }
        } finally {
            if (outerRun == null) {
                MDC.remove("runId");
            } else {
                MDC.put("runId", outerRun);
            }
        }
    }
}
