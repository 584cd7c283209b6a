package dev.klingeffects.mock.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.Retainable;
import org.eclipse.jetty.io.RetainableByteBuffer;

/**
 * Jetty's buffer pool, checking that no buffer ever has two holders. Each hand-out counts its own references,
 * so a release after the hand-out ended (its holder gave the buffer back twice: the second release would free
 * the buffer of whoever got it next) is reported with the stacks of the acquire and of every release, and is
 * kept from the pool; and a buffer handed out while an earlier hand-out of it is still held is reported too.
 * A report is certain, where the symptom it prevents (two exchanges writing one buffer) needs two writes to
 * meet within microseconds. Jetty's own {@code ArrayByteBufferPool.Tracking} counts on the pooled buffer, so a
 * stale release lands on the next holder's count unnoticed.
 */
public final class HandOutCheckingPool extends ArrayByteBufferPool {

    private final List<String> reports = new CopyOnWriteArrayList<>();
    /** The hand-outs not yet fully released, by their memory: a pooled buffer keeps one ByteBuffer for life. */
    private final Map<ByteBuffer, HandOut> held = Collections.synchronizedMap(new IdentityHashMap<>());

    @Override
    public RetainableByteBuffer.Mutable acquire(int size, boolean direct) {
        RetainableByteBuffer.Mutable pooled = super.acquire(size, direct);
        HandOut handOut = new HandOut(pooled, size, direct);
        HandOut holder = held.put(pooled.getByteBuffer(), handOut);
        if (holder != null) {
            report(new Throwable("handed out again while still held, to " + Thread.currentThread().getName()),
                    handOut, holder);
        }
        return new RetainableByteBuffer.FixedCapacity(pooled.getByteBuffer(), handOut);
    }

    /** @return one text per buffer that reached two holders, with the stacks that tell how; empty when none did */
    public List<String> reports() {
        return List.copyOf(reports);
    }

    private void report(Throwable what, HandOut handOut, HandOut earlier) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        out.println("A buffer reached two holders:");
        what.printStackTrace(out);
        handOut.acquired.printStackTrace(out);
        if (earlier != handOut) {
            earlier.acquired.printStackTrace(out);
        }
        earlier.releases.forEach(release -> release.printStackTrace(out));
        out.flush();
        reports.add(text.toString());
    }

    /** One hand-out of a pooled buffer: its own reference count, and the stacks that acquired and released it. */
    private final class HandOut implements Retainable {
        private final RetainableByteBuffer pooled;
        private final AtomicInteger references = new AtomicInteger(1);
        private final Throwable acquired;
        private final List<Throwable> releases = new CopyOnWriteArrayList<>();

        HandOut(RetainableByteBuffer pooled, int size, boolean direct) {
            this.pooled = pooled;
            this.acquired = new Throwable("acquired (" + size + (direct ? " direct" : " heap") + ") by "
                    + Thread.currentThread().getName());
        }

        @Override
        public boolean canRetain() {
            return true;
        }

        @Override
        public void retain() {
            if (references.getAndIncrement() <= 0) {
                report(new Throwable("retained after its release by " + Thread.currentThread().getName()), this, this);
            }
        }

        @Override
        public boolean isRetained() {
            return references.get() > 1;
        }

        @Override
        public int getRetained() {
            return references.get();
        }

        @Override
        public boolean release() {
            Throwable here = new Throwable("released by " + Thread.currentThread().getName());
            int left = references.decrementAndGet();
            if (left < 0) {
                // Passed on, this release would free the buffer of its next holder.
                report(here, this, this);
                return false;
            }
            releases.add(here);
            if (left > 0) {
                return false;
            }
            held.remove(pooled.getByteBuffer(), this);
            return pooled.release();
        }
    }
}
