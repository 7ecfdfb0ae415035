package io.paperpost.delivery;

import java.time.LocalDate;

/** A deferred email whose next attempt has come: the scheduler re-renders and sends it after claiming it. */
public record DueRetry(long deliveryId, long readerId, LocalDate digestDate) {
}
