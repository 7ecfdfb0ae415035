package io.paperpost.digest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The digest's Micrometer meters, scraped in Prometheus format at /q/metrics: emails by outcome, per-email stage
 * timers (their counts over time are the rank, render and send rates), run duration, and the queue depth.
 */
@ApplicationScoped
public class DigestMetrics {

    @Inject
    MeterRegistry registry;
    @Inject
    EntityManager entityManager;

    private Counter sent;
    private Counter failed;
    private Counter suppressed;
    private Counter skipped;
    private Counter feed;
    private Timer rank;
    private Timer render;
    private Timer send;

    @PostConstruct
    void register() {
        sent = emails("sent");
        failed = emails("failed");
        suppressed = emails("suppressed");
        skipped = emails("skipped");
        feed = emails("feed");
        rank = stage("rank");
        render = stage("render");
        send = stage("send");
        Gauge.builder("paperpost.digest.queue", this::queueDepth)
                .description("Due readers in unfinished chunks of digest runs, not yet handled (cluster-wide)")
                .register(registry);
    }

    private Counter emails(String outcome) {
        return Counter.builder("paperpost.digest.emails").tag("outcome", outcome)
                .description("Digest emails by outcome (skipped: due, but nothing new or already sent; feed: a"
                        + " feed-only reader's picks recorded instead of an email)")
                .register(registry);
    }

    private Timer stage(String stage) {
        return Timer.builder("paperpost.digest.stage").tag("stage", stage)
                .description("Time per email in each stage of a digest run").register(registry);
    }

    void record(RunProgress.Outcome outcome) {
        switch (outcome) {
            case SENT -> sent.increment();
            case FAILED -> failed.increment();
            case SUPPRESSED -> suppressed.increment();
            case SKIPPED -> skipped.increment();
            case FEED -> feed.increment();
        }
    }

    void rank(long nanos) {
        rank.record(nanos, TimeUnit.NANOSECONDS);
    }

    void render(long nanos) {
        render.record(nanos, TimeUnit.NANOSECONDS);
    }

    void send(long nanos) {
        send.record(nanos, TimeUnit.NANOSECONDS);
    }

    void run(RunTrigger trigger, Duration duration) {
        Timer.builder("paperpost.digest.run").tag("trigger", trigger.name()).description("Digest run duration")
                .register(registry).record(duration);
    }

    private double queueDepth() {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                "select coalesce(sum(c.readers - c.counts.done), 0) from DigestChunk c where c.status <> :done",
                Number.class)
                .setParameter("done", DigestChunk.Status.DONE).getSingleResult().doubleValue());
    }
}
