package dev.klingeffects.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.mock.support.HandOutCheckingPool;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.util.BufferUtil;
import org.junit.jupiter.api.Test;

/**
 * The checking pool that the fuzz storm runs on: a buffer given back twice would reach two exchanges at once
 * (the mock's rare "Internal fault": one exchange's header buffer cleared while it was being written).
 */
class BufferHandOutCheckTest {

    private static final int HEADER_BUFFER = 8192;

    @Test
    void aBufferGivenBackTwiceIsReportedAndLeavesItsNextHolderAlone() {
        HandOutCheckingPool pool = new HandOutCheckingPool();
        pool.acquire(HEADER_BUFFER, true).release(); // the first buffer of a size is allocated, then pooled
        RetainableByteBuffer first = pool.acquire(HEADER_BUFFER, true);
        first.release();
        RetainableByteBuffer second = pool.acquire(HEADER_BUFFER, true);
        assertThat(second.getByteBuffer()).as("the freed buffer is handed out again").isSameAs(first.getByteBuffer());
        byte[] head = "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        BufferUtil.append(second.getByteBuffer(), head, 0, head.length);

        first.release();
        RetainableByteBuffer third = pool.acquire(HEADER_BUFFER, true);

        // Passed on to the pool, that release would empty the head being written (limit 0: the storm's
        // "newPosition > limit: (118 > 0)") and hand its memory to a third holder.
        assertThat(second.remaining()).as("the head the second holder is writing").isEqualTo(head.length);
        assertThat(third.getByteBuffer()).as("the memory of the second holder").isNotSameAs(second.getByteBuffer());
        assertThat(pool.reports()).singleElement().asString()
                .contains("A buffer reached two holders").contains("released by").contains("acquired (8192 direct)");
    }

    @Test
    void aRetainedBufferIsFreedByItsLastReleaseOnly() {
        HandOutCheckingPool pool = new HandOutCheckingPool();
        pool.acquire(HEADER_BUFFER, true).release();
        RetainableByteBuffer buffer = pool.acquire(HEADER_BUFFER, true);
        buffer.retain();

        buffer.release();
        RetainableByteBuffer meanwhile = pool.acquire(HEADER_BUFFER, true);
        buffer.release();
        RetainableByteBuffer after = pool.acquire(HEADER_BUFFER, true);

        assertThat(meanwhile.getByteBuffer()).isNotSameAs(buffer.getByteBuffer());
        assertThat(after.getByteBuffer()).isSameAs(buffer.getByteBuffer());
        assertThat(pool.reports()).isEmpty();
    }
}
