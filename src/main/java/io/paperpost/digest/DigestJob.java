package io.paperpost.digest;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Fires the scheduled digest run on the operator's cron (default every 15 minutes): each run sends to the readers
 * whose local hour has come since. Runs never overlap.
 */
@ApplicationScoped
public class DigestJob {

    @Inject
    DigestService digest;
    @Inject
    Clock clock;

    @Scheduled(identity = "digest", cron = "{paperpost.digest.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        digest.runDue(clock.instant(), RunTrigger.SCHEDULE);
    }
}
