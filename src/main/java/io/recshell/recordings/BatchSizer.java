package io.recshell.recordings;

/**
 * Chooses the size of the next batch from how long the last one took, so that each batch
 * transaction (and so each row lock) lasts about the target time. A batch that ran long
 * shrinks the next at once; growth is at most twofold a batch, so one fast batch cannot
 * make the next one overshoot far.
 */
final class BatchSizer {

    private final BatchSettings settings;
    private int size;

    BatchSizer(BatchSettings settings) {
        this.settings = settings;
        this.size = clamp(settings.firstSize());
    }

    int next() {
        return size;
    }

    /** Records that a batch of {@code rows} rows took {@code nanos}. */
    void observe(int rows, long nanos) {
        if (rows <= 0) {
            return;
        }
        double millis = Math.max(nanos / 1e6, 0.1);
        double ideal = rows * settings.targetMillis() / millis;
        double bounded = Math.min(ideal, size * 2.0);
        size = clamp((int) Math.min(Integer.MAX_VALUE, Math.round(bounded)));
    }

    private int clamp(int value) {
        return Math.max(settings.minSize(), Math.min(settings.maxSize(), value));
    }
}
