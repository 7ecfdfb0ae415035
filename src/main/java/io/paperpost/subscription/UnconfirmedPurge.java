package io.paperpost.subscription;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Deletes, once a day, readers who signed up but never clicked their confirmation link. */
@ApplicationScoped
public class UnconfirmedPurge {

    @Inject
    SignupService signups;

    @Scheduled(identity = "purge-unconfirmed-readers", cron = "{paperpost.subscription.purge-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        signups.purgeUnconfirmed();
    }
}
