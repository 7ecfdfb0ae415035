package io.paperpost.mail.queue;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The queue as the operator sees it: how many emails stand where, and the ones not going well, on the dashboard and
 * as the gauge {@code paperpost.mail.queue{status}} (cluster-wide; sent, failed and bounced within the retention).
 */
@Startup
@ApplicationScoped
public class MailQueueOverview {

    @Inject
    MeterRegistry registry;

    @PostConstruct
    void registerGauges() {
        for (QueuedMailStatus status : QueuedMailStatus.values()) {
            Gauge.builder("paperpost.mail.queue", () -> count(status)).tag("status", status.name().toLowerCase())
                    .description("Account emails (confirmations, welcome, address changes) in the queue, per status")
                    .register(registry);
        }
    }

    private long count(QueuedMailStatus status) {
        return QuarkusTransaction.requiringNew().call(() -> QueuedMail.count("status", status));
    }

    /** One email that is deferred, failed or bounced. */
    public record Problem(long id, String kind, String recipient, QueuedMailStatus status, int attempts,
            Instant nextAttemptAt, Instant updatedAt, String lastError) {
    }

    /** How many emails stand in each status (sent, failed and bounced ones for the retention), and the latest problems. */
    public record Overview(long queued, long sending, long retrying, long sent, long failed, long bounced,
            List<Problem> problems) {

        /** Still to go out. */
        public long pending() {
            return queued + sending + retrying;
        }
    }

    public Overview overview(int problems) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<QueuedMailStatus, Long> counts = new EnumMap<>(QueuedMailStatus.class);
            for (QueuedMailStatus status : QueuedMailStatus.values()) {
                counts.put(status, 0L);
            }
            QueuedMail.getEntityManager()
                    .createQuery("select status, count(*) from QueuedMail group by status", Object[].class)
                    .getResultList()
                    .forEach(row -> counts.put((QueuedMailStatus) row[0], (Long) row[1]));
            List<Problem> latest = QueuedMail.<QueuedMail>find(
                    "status = ?1 or status = ?2 or status = ?3 order by updatedAt desc, id desc",
                    QueuedMailStatus.RETRYING, QueuedMailStatus.FAILED, QueuedMailStatus.BOUNCED)
                    .page(0, problems).list().stream()
                    .map(m -> new Problem(m.id, m.kind, m.recipient, m.status, m.attempts, m.nextAttemptAt,
                            m.updatedAt, m.lastError))
                    .toList();
            return new Overview(counts.get(QueuedMailStatus.QUEUED), counts.get(QueuedMailStatus.SENDING),
                    counts.get(QueuedMailStatus.RETRYING), counts.get(QueuedMailStatus.SENT),
                    counts.get(QueuedMailStatus.FAILED), counts.get(QueuedMailStatus.BOUNCED), latest);
        });
    }
}
