package io.paperpost.mail;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The SMTP connections the sending threads share. Idle ones are handed out last-in first-out, so a single sending
 * thread keeps using one warm connection. A sender that asks urgently (a confirmation email during a digest run) gets
 * the next connection freed before every ordinary sender already waiting: a night's four digest threads would
 * otherwise keep all connections busy while a new reader waits for their link.
 */
final class ConnectionPool<T> {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private final ArrayDeque<T> idle;
    private int urgentWaiting;

    ConnectionPool(Collection<T> connections) {
        this.idle = new ArrayDeque<>(connections);
    }

    /** Waits for a connection; an urgent caller goes before every ordinary one. */
    T acquire(boolean urgent) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            if (!urgent) {
                while (idle.isEmpty() || urgentWaiting > 0) {
                    released.await();
                }
                return idle.pollFirst();
            }
            urgentWaiting++;
            try {
                while (idle.isEmpty()) {
                    released.await();
                }
                return idle.pollFirst();
            } finally {
                urgentWaiting--;
                // Ordinary senders held back for this one may go now, if a connection is left.
                released.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    void release(T connection) {
        lock.lock();
        try {
            idle.offerFirst(connection);
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
