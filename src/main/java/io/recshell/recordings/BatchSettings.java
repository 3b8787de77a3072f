package io.recshell.recordings;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.recshell.shell.RecshellException;

/**
 * How deletes and restores are cut into batches (properties {@code recshell.batch.*}, or
 * environment variables such as {@code RECSHELL_BATCH_TARGET_MILLIS}). Each batch is one
 * transaction, and the rows it deletes stay locked until it commits, so the batch size
 * adapts to keep each transaction near {@code targetMillis}.
 *
 * @param targetMillis how long one batch transaction should take (default 40 ms)
 * @param firstSize rows in the first batch (default 1,000)
 * @param minSize fewest rows in a batch (default 50, or maxSize if that is smaller)
 * @param maxSize most rows in a batch (default 50,000); equal to minSize for a fixed size
 * @param logEverySeconds how often a progress line goes to the log file (default 5 s)
 * @param pauseMillis for tests only (default 0): sleep this long inside every batch
 *        transaction, after its rows are deleted and archived and before it commits, and
 *        before a run's closing transaction, so that a test can kill a run at a known point.
 *        It holds the batch's row locks for that long: never set it in production.
 */
@ConfigurationProperties("recshell.batch")
public record BatchSettings(Long targetMillis, Integer firstSize, Integer minSize, Integer maxSize,
        Long logEverySeconds, Long pauseMillis) {

    public BatchSettings {
        targetMillis = targetMillis == null ? 40L : targetMillis;
        maxSize = maxSize == null ? 50_000 : maxSize;
        minSize = minSize == null ? Math.min(50, maxSize) : minSize;
        firstSize = firstSize == null ? 1_000 : firstSize;
        logEverySeconds = logEverySeconds == null ? 5L : logEverySeconds;
        pauseMillis = pauseMillis == null ? 0L : pauseMillis;
        if (targetMillis < 1 || minSize < 1 || maxSize < minSize) {
            throw RecshellException.invalid("Invalid batch settings: recshell.batch.target-millis must be positive"
                    + " and 1 <= recshell.batch.min-size <= recshell.batch.max-size (got " + targetMillis + ", "
                    + minSize + ", " + maxSize + ")");
        }
    }
}
