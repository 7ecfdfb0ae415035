package io.paperpost.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.paperpost.TestData;
import io.paperpost.delivery.Claim;
import io.paperpost.delivery.Delivery;
import io.paperpost.delivery.DeliveryLedger;
import io.paperpost.delivery.DeliveryStatus;
import io.paperpost.delivery.GreenMailResource;
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

/**
 * The database fails just after the mail server accepted an email: the email is not sent again (its ledger row stays
 * SENDING), and the run counts it as sent.
 */
@QuarkusTest
@TestProfile(UnrecordedSendTest.LedgerFailsAfterSending.class)
@WithTestResource(GreenMailResource.class)
class UnrecordedSendTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    /** A ledger whose mark-sent fails, as when the database goes away between the send and the record. */
    @Alternative
    @ApplicationScoped
    public static class FailingMarkSentLedger extends DeliveryLedger {
        @Override
        public void markSent(Claim claim, String messageId, List<String> paperIds) {
            throw new PersistenceException("connection to the database lost");
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

    @Test
    void anEmailSentButNotRecordedIsNeverSentAgain() {
        data.reset();
        data.demoPapersFirstSeenOn(DAY);
        Reader reader = TestReaders.save(TestReaders.active("unrecorded@example.org", "UTC", 0));

        DigestSummary first = digest.run(DAY);
        assertThat(first.sent()).isEqualTo(1);
        assertThat(first.failed()).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() ->
                Delivery.<Delivery>find("readerId", reader.id).singleResult().status)).isEqualTo(DeliveryStatus.SENDING);

        assertThat(digest.run(DAY).sent()).isZero();
        assertThat(GreenMailResource.greenMail().getReceivedMessages()).hasSize(1);
    }
}
