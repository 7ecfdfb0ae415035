package io.paperpost.site;

import java.time.Duration;

/**
 * How a background worker sleeps until its next poll or until someone has work for it now. A wake that comes while
 * the worker is busy is not lost: its next wait returns at once. Thread-safe.
 */
public final class WakeSignal {

    private boolean woken;

    public synchronized void wake() {
        woken = true;
        notifyAll();
    }

    /**
     * Waits until woken or until the timeout has passed, and clears the wake.
     *
     * @return false when the thread was interrupted (it should stop)
     */
    public synchronized boolean await(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!woken) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            woken = false;
        }
    }
}
