package io.paperpost.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.atomic.AtomicLong;

/** Samples heap use every 20 ms while a benchmark pass runs: the peak, and the peak a collection left. */
public final class HeapSampler extends Thread {

    /** Largest heap in use at a sample. */
    public final AtomicLong peak = new AtomicLong();
    /** Largest heap left after a collection: the live set, which stays flat when the work streams. */
    public final AtomicLong peakAfterGc = new AtomicLong();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private volatile boolean running = true;

    public HeapSampler() {
        setDaemon(true);
    }

    @Override
    public void run() {
        while (running) {
            peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            long afterGc = 0;
            for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                    afterGc += pool.getCollectionUsage().getUsed();
                }
            }
            peakAfterGc.accumulateAndGet(afterGc, Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    public void stopSampling() throws InterruptedException {
        running = false;
        join();
    }
}
