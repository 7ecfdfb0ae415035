package io.paperpost.digest;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpost.TestData;
import io.paperpost.delivery.Delivery;
import io.paperpost.delivery.DeliveryStatus;
import io.paperpost.mail.GreenMailResource;
import io.paperpost.mail.ReceivedMail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A run on an instance with the background worker: the thread that starts the run wakes the worker's threads,
 * which share the run's chunks with it, and every reader still gets exactly one email.
 */
@QuarkusTest
@TestProfile(ParallelDigestTest.ThreeWorkerThreads.class)
@WithTestResource(GreenMailResource.class)
class ParallelDigestTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    public static class ThreeWorkerThreads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Polling once an hour: only the run's wake-up can put the worker threads to work.
            return Map.of("paperpost.digest.worker-enabled", "true", "paperpost.digest.threads", "3",
                    "paperpost.digest.worker-poll", "1h", "paperpost.digest.chunk-size", "2");
        }
    }

    @Inject
    TestData data;
    @Inject
    DigestService digest;

    @Test
    void theWorkerThreadsShareARunAndSendEachEmailOnce() throws Exception {
        data.reset();
        QuarkusTransaction.requiringNew().run(() -> DigestRun.deleteAll());
        data.demoPapersFirstSeenOn(DAY);
        for (int i = 0; i < 60; i++) {
            TestReaders.save(TestReaders.active("reader" + i + "@example.org", "UTC", 0));
        }

        DigestSummary summary = digest.run(DAY);

        assertThat(summary.readers()).isEqualTo(60);
        assertThat(summary.sent()).isEqualTo(60);
        assertThat(ReceivedMail.countsByRecipient(GreenMailResource.greenMail().getReceivedMessages()))
                .hasSize(60).allSatisfy((to, count) -> assertThat(count).isEqualTo(1));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Delivery.count("status", DeliveryStatus.SENT)))
                .isEqualTo(60);
        assertThat(Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith("digest-worker-")).count()).isEqualTo(3);
    }
}
