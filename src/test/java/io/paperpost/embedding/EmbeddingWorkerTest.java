package io.paperpost.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpost.TestData;
import io.paperpost.mail.GreenMailResource;
import io.paperpost.papers.Paper;
import io.paperpost.ranking.SemanticVector;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderInterestVectors;
import io.paperpost.subscription.ReaderStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(GreenMailResource.class)
class EmbeddingWorkerTest {

    @Inject
    TestData data;
    @Inject
    EmbeddingWorker worker;
    @Inject
    PaperEmbeddings embeddings;
    @Inject
    ReaderInterestVectors interestVectors;

    @BeforeEach
    void reset() {
        data.reset();
    }

    @Test
    void everyImportedPaperIsEmbeddedInTheBackgroundOnce() throws Exception {
        data.demoPapersFirstSeenOn(LocalDate.of(2026, 11, 24));

        assertThat(worker.awaitIdle(Duration.ofSeconds(60))).isTrue();

        long papers = QuarkusTransaction.requiringNew().call(() -> Paper.count());
        List<PaperEmbedding> stored = QuarkusTransaction.requiringNew()
                .call(() -> PaperEmbedding.<PaperEmbedding>listAll());
        assertThat(stored).hasSize((int) papers);
        assertThat(stored).allSatisfy(e -> {
            assertThat(e.model).isEqualTo(SentenceEmbedder.MODEL);
            assertThat(SemanticVector.fromBytes(e.vector).dimensions()).isEqualTo(384);
        });
        List<String> ids = stored.stream().limit(3).map(e -> e.paperId).toList();
        Map<String, SemanticVector> vectors = embeddings.vectors(ids, false);
        assertThat(vectors).containsOnlyKeys(ids);
    }

    @Test
    void aReadersInterestsAreEmbeddedAfterTheyChangeAndTheOldVectorsAreNeverUsed() throws Exception {
        long id = QuarkusTransaction.requiringNew().call(() -> {
            Reader reader = new Reader();
            reader.setEmail("vec@example.org");
            reader.status = ReaderStatus.ACTIVE;
            reader.interests = "Speech recognition on small devices. Not interested in music generation.";
            reader.createdAt = Instant.now();
            reader.persist();
            return reader.id;
        });
        worker.wake();
        assertThat(worker.awaitIdle(Duration.ofSeconds(60))).isTrue();
        Reader embedded = QuarkusTransaction.requiringNew().call(() -> Reader.<Reader>findById(id));
        assertThat(embedded.interestVectorsModel).isEqualTo(SentenceEmbedder.MODEL);
        assertThat(StoredVectors.decode(embedded.interestVectors)).hasSize(2);
        var aspects = interestVectors.aspects(embedded, embedded.interests);
        assertThat(aspects).extracting(a -> a.text() + (a.negative() ? " (not)" : ""))
                .containsExactly("Speech recognition on small devices", "music generation (not)");

        // What saving new interests does to the stored vectors (ChoosingInterestsTest); the worker replaces them.
        QuarkusTransaction.requiringNew().run(() -> {
            Reader reader = Reader.findById(id);
            reader.interests = "graph neural networks";
            reader.interestVectors = null;
            reader.interestVectorsModel = null;
        });
        assertThat(worker.awaitIdle(Duration.ofSeconds(60))).isTrue();
        Reader again = QuarkusTransaction.requiringNew().call(() -> Reader.<Reader>findById(id));
        assertThat(StoredVectors.decode(again.interestVectors)).hasSize(1);
        assertThat(interestVectors.aspects(again, "a preview's other text")).extracting(a -> a.text())
                .containsExactly("a preview's other text");
    }
}
