package io.recshell.recordings;

import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a run: a progress bar (done, total, rate, time left) when standard output
 * is a terminal, and a plain line in the log file every few seconds. Piped output gets
 * neither bar nor line.
 */
final class RunProgress implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunProgress.class);

    private final String what;
    private final long runId;
    private final long total;
    private final long logEveryNanos;
    private final long started = System.nanoTime();
    private final ProgressBar bar;
    private long lastLog = started;
    private long handled;
    private long done;
    private long longestBatchNanos;

    private RunProgress(String what, long runId, long total, long logEverySeconds, PrintWriter terminal) {
        this.what = what;
        this.runId = runId;
        this.total = total;
        this.logEveryNanos = logEverySeconds * 1_000_000_000L;
        this.bar = terminal == null ? null : new ProgressBarBuilder()
                .setTaskName(Character.toUpperCase(what.charAt(0)) + what.substring(1))
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .showSpeed()
                .setSpeedUnit(ChronoUnit.SECONDS)
                .setConsumer(new TerminalLine(terminal))
                .build();
    }

    /**
     * @param terminal where to draw the bar, or null when standard output is not a terminal
     */
    static RunProgress start(String what, long runId, long total, long logEverySeconds, PrintWriter terminal) {
        log.info("run {}: {} {} recordings in batches", runId, what, total);
        return new RunProgress(what, runId, total, logEverySeconds, terminal);
    }

    /**
     * A batch committed: it handled {@code considered} rows, of which {@code rows} were done,
     * in a transaction that took {@code nanos} (an upper bound of how long its rows were locked).
     */
    void advance(long considered, long rows, int batchSize, long nanos) {
        handled += considered;
        done += rows;
        longestBatchNanos = Math.max(longestBatchNanos, nanos);
        if (bar != null) {
            bar.stepTo(handled);
        }
        long now = System.nanoTime();
        if (now - lastLog >= logEveryNanos) {
            lastLog = now;
            log.info("run {}: {} of {} handled, {} done, {}/s, batch size {}, about {} s left", runId, handled,
                    total, done, perSecond(now), batchSize, secondsLeft(now));
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
        log.info("run {}: {} ended after {} of {} handled, {} done, in {} ms; longest batch {} ms", runId, what,
                handled, total, done, (System.nanoTime() - started) / 1_000_000L, longestBatchNanos / 1_000_000L);
    }

    private long perSecond(long now) {
        double seconds = (now - started) / 1e9;
        return seconds <= 0 ? 0 : Math.round(handled / seconds);
    }

    private long secondsLeft(long now) {
        long rate = perSecond(now);
        return rate == 0 ? 0 : (total - handled) / rate;
    }

    /** Draws the bar on one terminal line, redrawn in place. */
    private static final class TerminalLine implements ProgressBarConsumer {

        private final PrintWriter terminal;

        TerminalLine(PrintWriter terminal) {
            this.terminal = terminal;
        }

        @Override
        public int getMaxRenderedLength() {
            return 79;
        }

        @Override
        public void accept(String rendered) {
            terminal.print('\r');
            terminal.print(rendered);
            terminal.flush();
        }

        @Override
        public void close() {
            terminal.println();
            terminal.flush();
        }
    }
}
