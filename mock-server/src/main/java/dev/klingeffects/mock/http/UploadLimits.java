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
    /** Small bodies (at most {@link BodyReader#SMALL_BODY} bytes) still on their way have places of their own. */
    private final Semaphore smallReceivers;
    /** Refused bodies are drained on places of their own, so a flood of refusals never takes an upload's place. */
    private final Semaphore drainers;
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
        this.smallReceivers = new Semaphore(maxUploads);
        this.drainers = new Semaphore(Math.max(2, maxUploads / 2));
    }

    /** @return the memory budget in bytes */
    public long memoryBytes() {
        return memoryBytes;
    }

    /** @return how many bodies may be received at once */
    public int maxUploads() {
        return maxUploads;
    }

    /** @return bytes of the budget held now (in whole KiB) */
    public long memoryInUse() {
        return memoryBytes / UNIT * UNIT - (long) memory.availablePermits() * UNIT;
    }

    /** @return how many bodies over {@link BodyReader#SMALL_BODY} bytes are being received now */
    public int receiving() {
        return maxUploads - receivers.availablePermits();
    }

    /** @return a place to receive a body, or false at once when every place is taken */
    boolean tryStartReceiving(boolean small) {
        return (small ? smallReceivers : receivers).tryAcquire();
    }

    void stopReceiving(boolean small) {
        (small ? smallReceivers : receivers).release();
    }

    /** @return a place to drain a refused body, or false at once when every place is taken */
    boolean tryStartDraining() {
        return drainers.tryAcquire();
    }

    void stopDraining() {
        drainers.release();
    }

    /**
     * Reserves memory for a body, waiting up to the configured time for other bodies to finish.
     *
     * @return the reservation, or null when it could not be had in time (or is larger than the budget)
     */
    Reservation reserve(long bytes, boolean wait) {
        Reservation reservation = new Reservation();
        return reservation.growTo(bytes, wait) ? reservation : null;
    }

    private static int units(long bytes) {
        return (int) Math.min(Integer.MAX_VALUE, (bytes + UNIT - 1) / UNIT);
    }

    /** Memory held for one body; grows as an unannounced body does, released once. */
    final class Reservation implements AutoCloseable {
        private int units;

        private Reservation() {}

        /** @return whether {@code totalBytes} are now held, waiting up to the configured time if {@code wait} */
        boolean growTo(long totalBytes, boolean wait) {
            if (totalBytes > memoryBytes) {
                return false;
            }
            int wanted = units(totalBytes);
            if (wanted <= units) {
                return true;
            }
            try {
                boolean granted = wait ? memory.tryAcquire(wanted - units, memoryWaitMillis, TimeUnit.MILLISECONDS)
                        : memory.tryAcquire(wanted - units);
                if (granted) {
                    units = wanted;
                }
                return granted;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        /** Gives back what is held beyond {@code totalBytes}. */
        void shrinkTo(long totalBytes) {
            int wanted = units(totalBytes);
            if (wanted < units) {
                memory.release(units - wanted);
                units = wanted;
            }
        }

        @Override
        public synchronized void close() {
            memory.release(units);
            units = 0;
        }
    }
}
