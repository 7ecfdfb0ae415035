package io.paperpost.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.paperpost.TestData;
import io.paperpost.delivery.Delivery;
import io.paperpost.delivery.DeliveryStatus;
import io.paperpost.mail.GreenMailResource;
import io.paperpost.mail.ReceivedMail;
import io.paperpost.subscription.Reader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The work table: workers racing for the chunks of one run send every email exactly once, and a chunk whose
 * instance died (lease run out) is taken over where it stopped, sending nothing twice. Workers here are threads
 * of one process sharing the database, as instances share it; ClusterIT does the same with two processes.
 */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class DigestChunksTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Inject
    io.paperpost.papers.PaperFeed feed;
    @Inject
    TestData data;
    @Inject
    DigestService digest;
    @Inject
    ChunkProcessor processor;
    @Inject
    DigestRuns runs;
    @Inject
    DigestChunks chunks;

    GreenMail mail;
    List<Reader> readers;

    @BeforeEach
    void setUp() {
        data.reset();
        QuarkusTransaction.requiringNew().run(() -> DigestRun.deleteAll());
        mail = GreenMailResource.greenMail();
        data.demoPapersFirstSeenOn(DAY);
        readers = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            readers.add(TestReaders.save(TestReaders.active("reader" + i + "@example.org", "UTC", 0)));
        }
    }

    @Test
    void workersRacingForChunksSendEachEmailOnce() throws Exception {
        long runId = plan();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                workers.add(pool.submit(processor::workOpenChunks));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(emailsPerRecipient()).hasSize(45).allSatisfy((to, count) -> assertThat(count).isEqualTo(1));
        RunView run = runs.find(runId).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(run.readersDue()).isEqualTo(45);
        assertThat(run.counts().sent()).isEqualTo(45);
        assertThat(run.counts().done()).isEqualTo(45);
    }

    @Test
    void aDeadInstancesChunkIsTakenOverWhereItStopped() throws Exception {
        long runId = plan();
        DigestChunk first = QuarkusTransaction.requiringNew()
                .call(() -> DigestChunk.<DigestChunk>find("runId = ?1 order by id", runId).firstResult());
        // Another instance claimed the first chunk, sent to its first three readers (stored with its last lease
        // renewal), sent a fourth without storing it, was sending to a fifth, and died: its lease has run out.
        for (int i = 0; i < 4; i++) {
            sentByTheDeadInstance(readers.get(i));
        }
        long sendingId = QuarkusTransaction.requiringNew().call(() -> {
            Delivery sending = delivery(readers.get(4), DeliveryStatus.SENDING);
            sending.persist();
            return sending.id;
        });
        QuarkusTransaction.requiringNew().run(() -> DigestChunk.update("status = ?1, owner = 'dead-instance', "
                + "leaseUntil = ?2, position = ?3, counts.sent = 3, counts.done = 3, attempts = 1 where id = ?4",
                DigestChunk.Status.RUNNING, Instant.now().minusSeconds(1), readers.get(2).id, first.id));

        processor.workOpenChunks();

        // Readers 0-3 had their email from the dead instance, reader 4's is left SENDING (never sent twice);
        // everyone else gets exactly one.
        Map<String, Long> received = emailsPerRecipient();
        assertThat(received).hasSize(40).allSatisfy((to, count) -> assertThat(count).isEqualTo(1));
        for (int i = 0; i < 5; i++) {
            assertThat(received).doesNotContainKey(readers.get(i).email);
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>findById(sendingId).status))
                .isEqualTo(DeliveryStatus.SENDING);
        RunView run = runs.find(runId).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.FINISHED);
        // The dead instance's stored three, plus this instance's 40; reader 4 counts as skipped.
        assertThat(run.counts().sent()).isEqualTo(43);
        assertThat(run.counts().skipped()).isEqualTo(1);
        DigestChunk takenOver = QuarkusTransaction.requiringNew()
                .call(() -> DigestChunk.<DigestChunk>findById(first.id));
        assertThat(takenOver.owner).isEqualTo(DigestChunks.owner());
        assertThat(takenOver.attempts).isEqualTo(2);
    }

    @Test
    void aLiveLeaseIsNotTakenOver() {
        long runId = plan();
        QuarkusTransaction.requiringNew().run(() -> DigestChunk.update("status = ?1, owner = 'live-instance', "
                + "leaseUntil = ?2 where runId = ?3", DigestChunk.Status.RUNNING, Instant.now().plusSeconds(60),
                runId));
        assertThat(chunks.claim(null)).isEmpty();
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    /** Starts a run for the day and splits it into chunks without working them, as the instance firing it does. */
    private long plan() {
        long runId = runs.start(RunTrigger.ADMIN, DAY, feed.lastBatch());
        int due = digest.planChunks(runId, new Slice(null, DAY, 0, true));
        runs.planned(runId, due);
        assertThat(due).isEqualTo(45);
        assertThat(QuarkusTransaction.requiringNew().call(() -> DigestChunk.count("runId", runId))).isEqualTo(5);
        return runId;
    }

    private void sentByTheDeadInstance(Reader reader) {
        QuarkusTransaction.requiringNew().run(() -> {
            delivery(reader, DeliveryStatus.SENT).persist();
            Reader.update("lastDigestDate = ?1 where id = ?2", DAY, reader.id);
        });
    }

    private static Delivery delivery(Reader reader, DeliveryStatus status) {
        Delivery delivery = new Delivery();
        delivery.readerId = reader.id;
        delivery.digestDate = DAY;
        delivery.status = status;
        delivery.attempts = 1;
        delivery.createdAt = Instant.now();
        delivery.updatedAt = delivery.createdAt;
        return delivery;
    }

    private Map<String, Long> emailsPerRecipient() throws Exception {
        return ReceivedMail.countsByRecipient(mail.getReceivedMessages());
    }
}
