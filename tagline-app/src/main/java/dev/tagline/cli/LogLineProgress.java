package dev.tagline.cli;

import dev.tagline.core.progress.Progress;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress for logs and pipes (no terminal): a status line every {@code interval}, checked as work advances, and a
 * final totals line. No carriage returns, so CI logs and {@code nohup} files stay readable.
 */
final class LogLineProgress implements Progress.Factory {
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

    private final PrintWriter err;
    private final Clock clock;
    private final Duration interval;

    LogLineProgress(PrintWriter err, Clock clock, Duration interval) {
        this.err = err;
        this.clock = clock;
        this.interval = interval;
    }

    @Override
    public Progress start(String task, long total, Progress.Unit unit) {
        Instant start = clock.instant();
        AtomicLong done = new AtomicLong();
        ItemCounts counts = new ItemCounts();
        AtomicLong nextReport = new AtomicLong(start.plus(interval).toEpochMilli());
        java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
        return new Progress() {
            @Override
            public void stopped() {
                stopped.set(true);
            }

            @Override
            public void advance(long units) {
                done.addAndGet(units);
                maybeReport();
            }

            @Override
            public void failedEarlier(long items) {
                counts.failedEarlier(items);
            }

            @Override
            public void failed(long items) {
                counts.failed(items);
            }

            @Override
            public void done(long items, long passed) {
                counts.done(items, passed);
            }

            @Override
            public void jumpTo(long position) {
                done.set(position);
                maybeReport();
            }

            private void maybeReport() {
                long now = clock.millis();
                long due = nextReport.get();
                if (now >= due && nextReport.compareAndSet(due, now + interval.toMillis())) {
                    err.println(ProgressLine.status(task, done.get(), counts.done(done.get()), total, counts.failed(),
                            Duration.between(start, clock.instant()), unit));
                    err.flush();
                }
            }

            @Override
            public void close() {
                if (stopped.get()) {
                    return;
                }
                err.println(ProgressLine.withEarlier(ProgressLine.closing(task, total, counts.done(done.get()),
                        counts.failed(), counts.passedOver(), Duration.between(start, clock.instant()), unit),
                        counts.failedEarlier()));
                err.flush();
            }
        };
    }
}
