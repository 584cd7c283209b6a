package dev.klingeffects.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** What one java.util.logging logger receives while this is open, kept off the console; closing restores it. */
final class CapturedLog implements AutoCloseable {

    private final Logger logger;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private CapturedLog(String loggerName) {
        logger = Logger.getLogger(loggerName);
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
    }

    static CapturedLog of(String loggerName) {
        return new CapturedLog(loggerName);
    }

    List<LogRecord> records() {
        return records;
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setUseParentHandlers(true);
    }
}
