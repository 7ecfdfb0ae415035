package io.paperpost.digest;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpost.TestData;
import io.paperpost.delivery.Claim;
import io.paperpost.delivery.Delivery;
import io.paperpost.delivery.DeliveryLedger;
import io.paperpost.delivery.DeliveryStatus;
import io.paperpost.delivery.DigestContents;
import io.paperpost.mail.GreenMailResource;
import io.paperpost.subscription.Reader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The database fails just after the mail server accepted an email: the email is not sent again (its ledger row stays
 * SENDING), the run counts it as sent, and the reader's next email neither repeats its papers nor loses the ones
 * that came after it.
 */
@QuarkusTest
@TestProfile(UnrecordedSendTest.LedgerFailsAfterSending.class)
@WithTestResource(GreenMailResource.class)
class UnrecordedSendTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    /** A ledger whose mark-sent fails while told to, as when the database goes away between the send and the record. */
    @Alternative
    @ApplicationScoped
    public static class FailingMarkSentLedger extends DeliveryLedger {
        static final AtomicBoolean FAILING = new AtomicBoolean(true);

        @Override
        public void markSent(Claim claim, String messageId, DigestContents contents) {
            if (FAILING.get()) {
                throw new PersistenceException("connection to the database lost");
            }
            super.markSent(claim, messageId, contents);
        }
    }

    public static class LedgerFailsAfterSending implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(FailingMarkSentLedger.class);
        }
    }

    @Inject
    TestData data;
    @Inject
    DigestService digest;

    @AfterEach
    void databaseBack() {
        FailingMarkSentLedger.FAILING.set(true);
    }

    @Test
    void anEmailSentButNotRecordedIsNeverSentAgain() {
        data.reset();
        data.demoPapersFirstSeenOn(DAY);
        Reader reader = TestReaders.save(TestReaders.active("unrecorded@example.org", "UTC", 0));

        DigestSummary first = digest.run(DAY);
        assertThat(first.sent()).isEqualTo(1);
        assertThat(first.failed()).isZero();
        assertThat(QuarkusTransaction.requiringNew()
                .call(() -> Delivery.<Delivery>find("readerId", reader.id).singleResult().status))
                .isEqualTo(DeliveryStatus.SENDING);

        assertThat(digest.run(DAY).sent()).isZero();
        assertThat(GreenMailResource.greenMail().getReceivedMessages()).hasSize(1);
    }

    @Test
    void theNextEmailAfterAnUnrecordedSendRepeatsNoneOfItsPapersAndLosesNoneThatCameAfter() {
        data.reset();
        data.demoPapersFirstSeenOn(DAY);
        TestReaders.save(TestReaders.active("unrecorded@example.org", "UTC", 0));
        assertThat(digest.run(DAY).sent()).isEqualTo(1);
        List<String> first = sentPapers(DAY);

        FailingMarkSentLedger.FAILING.set(false);
        TestData.postPapers("{\"key\":\"2603.09999\",\"title\":\"Speculative decoding with a draft tree\","
                + "\"summary\":\"Faster LLM inference by speculative decoding.\"}\n", DAY.plusDays(1)).statusCode(200);
        assertThat(digest.run(DAY.plusDays(1)).sent()).isEqualTo(1);
        List<String> next = sentPapers(DAY.plusDays(1));

        assertThat(GreenMailResource.greenMail().getReceivedMessages()).hasSize(2);
        assertThat(first).hasSize(10);
        assertThat(next).doesNotContainAnyElementsOf(first).contains("2603.09999");
    }

    /** The papers the ledger recorded for the date's email, which it writes with the claim. */
    private static List<String> sentPapers(LocalDate date) {
        return QuarkusTransaction.requiringNew().call(() -> List.copyOf(
                Delivery.<Delivery>find("digestDate", date).singleResult().paperIds));
    }
}
