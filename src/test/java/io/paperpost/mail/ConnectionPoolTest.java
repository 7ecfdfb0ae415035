package io.paperpost.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConnectionPoolTest {

    @Test
    void anIdleConnectionIsHandedOutLastInFirstOut() throws InterruptedException {
        ConnectionPool<String> pool = new ConnectionPool<>(List.of("a", "b"));
        String first = pool.acquire(false);
        pool.release(first);
        assertThat(pool.acquire(false)).isEqualTo(first);
    }

    @Test
    void anUrgentSenderGetsTheNextFreedConnectionBeforeOrdinarySendersWaitingLonger() throws Exception {
        ConnectionPool<String> pool = new ConnectionPool<>(List.of("only"));
        String busy = pool.acquire(false);
        List<String> order = new CopyOnWriteArrayList<>();
        Thread digest1 = waiter(pool, false, "digest 1", order);
        Thread digest2 = waiter(pool, false, "digest 2", order);
        awaitWaiting(digest1, digest2);
        Thread confirmation = waiter(pool, true, "confirmation", order);
        awaitWaiting(confirmation);

        pool.release(busy);
        for (Thread thread : List.of(digest1, digest2, confirmation)) {
            thread.join(5_000);
        }

        assertThat(order).hasSize(3);
        assertThat(order.get(0)).isEqualTo("confirmation");
    }

    @Test
    void ordinarySendersAreNotHeldBackOnceNoUrgentOneWaits() throws Exception {
        ConnectionPool<String> pool = new ConnectionPool<>(List.of("a", "b"));
        String a = pool.acquire(true);
        String b = pool.acquire(false);
        assertThat(List.of(a, b)).containsExactlyInAnyOrder("a", "b");
        CountDownLatch got = new CountDownLatch(1);
        Thread ordinary = new Thread(() -> {
            try {
                pool.release(pool.acquire(false));
                got.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ordinary.start();
        pool.release(a);
        assertThat(got.await(5, TimeUnit.SECONDS)).isTrue();
    }

    private static Thread waiter(ConnectionPool<String> pool, boolean urgent, String name, List<String> order) {
        Thread thread = new Thread(() -> {
            try {
                String connection = pool.acquire(urgent);
                order.add(name);
                Thread.sleep(20);
                pool.release(connection);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        thread.start();
        return thread;
    }

    /** Until each thread is parked in acquire (waiting for the lock's condition). */
    private static void awaitWaiting(Thread... threads) throws InterruptedException {
        for (Thread thread : threads) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (thread.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(thread.getState()).isEqualTo(Thread.State.WAITING);
        }
    }
}
