package dev.klingeffects.mock.http;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * What all request bodies in flight may take together: memory (bytes held) and threads (bodies being
 * received at once). A body that would exceed either waits briefly or is refused, so slow or huge
 * uploads cannot exhaust the heap or starve the requests that carry no body.
 */
public final class UploadLimits {

    /** Memory is counted in KiB, so a Semaphore's int permits cover budgets far beyond any heap. */
    private static final int UNIT = 1024;

    private final Semaphore memory;
    private final Semaphore receivers;
    private final long memoryBytes;
    private final int maxUploads;
    private final long memoryWaitMillis;

    /**
     * @param memoryBytes      bytes all bodies in flight may hold together
     * @param maxUploads       bodies received at once
     * @param memoryWaitMillis how long a body with a known length may wait for memory before it is refused
     */
    public UploadLimits(long memoryBytes, int maxUploads, long memoryWaitMillis) {
        this.memoryBytes = memoryBytes;
        this.maxUploads = maxUploads;
        this.memoryWaitMillis = memoryWaitMillis;
        this.memory = new Semaphore((int) Math.min(Integer.MAX_VALUE, memoryBytes / UNIT), true);
        this.receivers = new Semaphore(maxUploads);
    }

    /** @return the memory budget in bytes */
    public long memoryBytes() {
        return memoryBytes;
    }

    /** @return how many bodies may be received at once */
    public int maxUploads() {
        return maxUploads;
    }

    /** @return a place to receive a body, or false at once when every place is taken */
    boolean tryStartReceiving() {
        return receivers.tryAcquire();
    }

    void stopReceiving() {
        receivers.release();
    }

    /**
     * Reserves memory for a body, waiting up to the configured time for other bodies to finish.
     *
     * @return the reservation, or null when it could not be had in time (or is larger than the budget)
     */
    Reservation reserve(long bytes, boolean wait) {
        if (bytes > memoryBytes) {
            return null;
        }
        int units = units(bytes);
        try {
            boolean granted = wait ? memory.tryAcquire(units, memoryWaitMillis, TimeUnit.MILLISECONDS)
                    : memory.tryAcquire(units);
            return granted ? new Reservation(units) : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static int units(long bytes) {
        return (int) Math.min(Integer.MAX_VALUE, (bytes + UNIT - 1) / UNIT);
    }

    /** Memory held for one body; grows as an unannounced body does, released once. */
    final class Reservation implements AutoCloseable {
        private int units;

        private Reservation(int units) {
            this.units = units;
        }

        /** @return whether {@code totalBytes} are now held, without waiting */
        boolean growTo(long totalBytes) {
            int wanted = units(totalBytes);
            if (wanted <= units) {
                return true;
            }
            if (!memory.tryAcquire(wanted - units)) {
                return false;
            }
            units = wanted;
            return true;
        }

        @Override
        public void close() {
            memory.release(units);
            units = 0;
        }
    }
}
