package io.paperpost.delivery;

import io.paperpost.subscription.ReaderDataPart;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The ledger's part of "Download my data": every digest date of the reader and what happened to its email. */
@ApplicationScoped
public class DeliveryHistory implements ReaderDataPart {

    /** One digest date: what happened to its email, and the papers it held. */
    public record SentEmail(LocalDate digestDate, String status, Instant sentAt, String messageId,
            List<String> paperIds) {
    }

    @Override
    public String name() {
        return "emails";
    }

    @Override
    public List<SentEmail> of(long readerId) {
        return Delivery.<Delivery>list("readerId = ?1 order by digestDate", readerId).stream()
                .map(d -> new SentEmail(d.digestDate, d.status.name(), d.sentAt, d.messageId, List.copyOf(d.paperIds)))
                .toList();
    }
}
