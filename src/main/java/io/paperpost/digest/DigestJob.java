package io.paperpost.digest;

import java.time.Clock;
import java.time.LocalDate;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Fires the nightly digest on the operator's cron. Runs never overlap. */
@ApplicationScoped
public class DigestJob {

    @Inject
    DigestService digest;
    @Inject
    DigestConfig config;
    @Inject
    Clock clock;

    @Scheduled(identity = "nightly-digest", cron = "{paperpost.digest.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        digest.run(LocalDate.now(clock.withZone(config.zone())));
    }
}
