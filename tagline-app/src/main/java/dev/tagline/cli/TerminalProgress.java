package dev.tagline.cli;

import dev.tagline.core.progress.Progress;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Renders {@link Progress} tasks as terminal progress bars on stderr: count, percent, rate, ETA, and for items the
 * seconds per item and failures so far; a totals line when the task ends. Outside a terminal,
 * {@link #forContext} picks {@link LogLineProgress} instead.
 */
final class TerminalProgress implements Progress.Factory {
    private final PrintWriter err;
    private final java.time.Clock clock;

    TerminalProgress(PrintWriter err, java.time.Clock clock) {
        this.err = err;
        this.clock = clock;
    }

    /** Bars on a terminal, periodic log lines otherwise. */
    static Progress.Factory forContext(CliContext ctx) {
        return ctx.interactive() ? new TerminalProgress(ctx.err(), ctx.clock())
                : new LogLineProgress(ctx.err(), ctx.clock(), LogLineProgress.DEFAULT_INTERVAL);
    }

    @Override
    public Progress start(String task, long total, Progress.Unit unit) {
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(new WriterStream(err), true)))
                .setSpeedUnit(java.time.temporal.ChronoUnit.SECONDS);
        if (unit != Progress.Unit.ITEMS) {
            // the extra message says the rate and ETA, timed from the first position: progressbar's own count from
            // the bar's start (a render's loudness pass made a 40 s clip's first ETA 0:03:15) and print ".2 s/s"
            builder.hideEta();
        }
        if (unit == Progress.Unit.BYTES) {
            builder.setUnit(" MiB", 1L << 20);
        } else if (unit == Progress.Unit.SECONDS) {
            builder.setUnit(" s", 1); // of media
        }
        return new BarProgress(builder.build(), task, total, unit);
    }

    /** Room for the extra message: " 12.3 img/s, 0.081 s/img, 3 failed", " 1.5x real time, ETA 0:01:05". */
    static final int EXTRA_WIDTH = 36;

    /**
     * {@code extra} padded to {@link #EXTRA_WIDTH}: progressbar gives the bar what the line's text leaves, so a
     * message that grows and shrinks made the bar jump between 9 and 36 columns (dogfood round 3).
     */
    static String padded(String extra) {
        return extra.length() >= EXTRA_WIDTH ? extra : extra + " ".repeat(EXTRA_WIDTH - extra.length());
    }

    /** One bar; the extra message carries seconds per item and failures, which progressbar does not show. */
    private final class BarProgress implements Progress {
        private final ProgressBar bar;
        private final String task;
        private final long total;
        private final Progress.Unit unit;
        private final java.time.Instant start = clock.instant();
        private final ItemCounts counts = new ItemCounts();
        /** The first position reported and when (null before): the rate and ETA count from there. */
        private volatile long firstDone;
        private volatile java.time.Instant firstAt;
        /** The task did not finish: no "done" line. */
        private volatile boolean stopped;

        BarProgress(ProgressBar bar, String task, long total, Progress.Unit unit) {
            this.bar = bar;
            this.task = task;
            this.total = total;
            this.unit = unit;
        }

        @Override
        public void advance(long units) {
            bar.stepBy(units);
            extra();
        }

        @Override
        public void failedEarlier(long items) {
            counts.failedEarlier(items);
        }

        @Override
        public void failed(long items) {
            counts.failed(items);
            extra();
        }

        @Override
        public void done(long items, long passed) {
            counts.done(items, passed);
        }

        private synchronized void extra() {
            java.time.Instant now = clock.instant();
            if (unit == Progress.Unit.ITEMS) {
                bar.setExtraMessage(padded(ProgressLine.barExtra(counts.done(bar.getCurrent()),
                        Duration.between(start, now), counts.failed())));
                return;
            }
            if (firstAt == null) {
                firstAt = now;
                firstDone = bar.getCurrent();
            }
            bar.setExtraMessage(padded(ProgressLine.barRate(firstDone, bar.getCurrent(), Duration.between(firstAt,
                    now), total, unit)));
        }

        @Override
        public void jumpTo(long done) {
            bar.stepTo(done);
            extra();
        }

        @Override
        public void stopped() {
            stopped = true;
        }

        @Override
        public void close() {
            long done = counts.done(bar.getCurrent());
            bar.close();
            if (stopped) {
                err.flush();
                return;
            }
            err.println(ProgressLine.withEarlier(ProgressLine.closing(task, total, done, counts.failed(),
                    counts.passedOver(), Duration.between(start, clock.instant()), unit), counts.failedEarlier()));
            err.flush();
        }
    }

    /**
     * Where a command prints lines of its own while a bar may be drawn (a model's "loaded in 40 ms" line): on a
     * terminal each line first returns to the start of the row and clears it, so it replaces the bar's row (the bar is
     * drawn again below) instead of being glued to the bar's text; elsewhere {@code ctx.err()} itself.
     */
    static PrintWriter lines(CliContext ctx) {
        return ctx.interactive() ? clearing(ctx.err()) : ctx.err();
    }

    /** {@code err}, each line started with a carriage return and an erase-to-end-of-line. */
    static PrintWriter clearing(PrintWriter err) {
        return new PrintWriter(new java.io.Writer() {
            private boolean lineStart = true;

            @Override
            public void write(char[] buf, int off, int len) {
                synchronized (err) {
                    for (int i = off; i < off + len; i++) {
                        if (lineStart) {
                            err.write(CLEAR_ROW);
                        }
                        err.write(buf[i]);
                        lineStart = buf[i] == '\n';
                    }
                }
            }

            @Override
            public void flush() {
                err.flush();
            }

            @Override
            public void close() {
                err.flush();
            }
        }, true);
    }

    /** Carriage return, then ANSI "erase to end of line". */
    static final String CLEAR_ROW = "\r\u001b[K";

    /** Elapsed time in a short human form: {@code 1 h 02 min}, {@code 3 min 05 s}, {@code 4.2 s}. */
    static String human(Duration d) {
        long s = d.toSeconds();
        if (s >= 3600) {
            return String.format("%d h %02d min", s / 3600, (s % 3600) / 60);
        }
        if (s >= 60) {
            return String.format("%d min %02d s", s / 60, s % 60);
        }
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }

    private static final class WriterStream extends java.io.OutputStream {
        private final PrintWriter writer;

        WriterStream(PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public void write(int b) {
            writer.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writer.write(new String(b, off, len, java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public void flush() {
            writer.flush();
        }
    }
}
