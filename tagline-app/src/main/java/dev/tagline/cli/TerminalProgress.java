package dev.tagline.cli;

import dev.tagline.core.progress.Progress;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Renders {@link Progress} tasks as terminal progress bars (count, percent, rate, ETA) on stderr. */
final class TerminalProgress implements Progress.Factory {
    private final PrintWriter err;

    TerminalProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public Progress start(String task, long total, Progress.Unit unit) {
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(new WriterStream(err), true)))
                .setSpeedUnit(java.time.temporal.ChronoUnit.SECONDS);
        if (unit == Progress.Unit.BYTES) {
            builder.setUnit(" MiB", 1L << 20);
        }
        ProgressBar bar = builder.build();
        return new Progress() {
            @Override
            public void advance(long units) {
                bar.stepBy(units);
            }

            @Override
            public void jumpTo(long done) {
                bar.stepTo(done);
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }

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
