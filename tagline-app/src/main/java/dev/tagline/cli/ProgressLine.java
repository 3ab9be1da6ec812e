package dev.tagline.cli;

import dev.tagline.core.progress.Progress;
import java.time.Duration;
import java.util.Locale;

/** The text of progress lines: count, percent, rate, seconds per item, ETA, failures; and the final totals line. */
final class ProgressLine {
    private ProgressLine() {
    }

    /** {@code check: 1200/5000 (24.0%), 35.2 img/s, 0.028 s/img, ETA 1 min 48 s, 3 failed}. */
    static String status(String task, long done, long total, long failed, Duration elapsed, Progress.Unit unit) {
        return status(task, done, done, total, failed, elapsed, unit);
    }

    /**
     * As above for a position of which only {@code done} items were worked on and written (the rest failed or were
     * passed over, {@link Progress#done}): the rate counts those; the count and the ETA go by the position.
     */
    static String status(String task, long position, long done, long total, long failed, Duration elapsed,
                         Progress.Unit unit) {
        StringBuilder sb = new StringBuilder(task).append(": ").append(unit.format(position));
        if (total >= 0) {
            sb.append('/').append(unit.format(total));
            if (total > 0) {
                sb.append(String.format(Locale.ROOT, " (%.1f%%)", 100.0 * position / total));
            }
        }
        double seconds = elapsed.toMillis() / 1000.0;
        if (done > 0 && seconds > 0) {
            sb.append(", ").append(rate(done, seconds, unit));
            if (unit == Progress.Unit.ITEMS) {
                sb.append(String.format(Locale.ROOT, ", %.3f s/img", seconds / done));
            }
        }
        if (position > 0 && seconds > 0 && total > position) {
            long eta = Math.round((total - position) * seconds / position);
            sb.append(", ETA ").append(TerminalProgress.human(Duration.ofSeconds(eta)));
        }
        return sb.append(failed > 0 ? ", " + failed + " failed" : "").toString();
    }

    /**
     * What a terminal bar of items shows after its count: {@code " 35.2 img/s, 0.028 s/img, 3 failed"}, with its
     * leading space (the bar puts it right after its own text); the rate only once an item is done.
     */
    static String barExtra(long done, Duration elapsed, long failed) {
        double seconds = elapsed.toMillis() / 1000.0;
        StringBuilder sb = new StringBuilder();
        if (done > 0 && seconds > 0) {
            sb.append(rate(done, seconds, Progress.Unit.ITEMS))
                    .append(String.format(Locale.ROOT, ", %.3f s/img", seconds / done));
        }
        if (failed > 0) {
            sb.append(sb.length() > 0 ? ", " : "").append(failed).append(" failed");
        }
        return sb.length() == 0 ? "" : " " + sb;
    }

    /**
     * What a terminal bar of media seconds, bytes or counts shows after its count: {@code " 1.5x real time, ETA 31.0 s"},
     * with its leading space. The rate is measured from the first position reported ({@code firstDone}, {@code since}
     * that moment): the time before it (a render's loudness pass, a model loading) says nothing of how fast the count
     * moves, and counting it made a 40 s clip's first ETA 3 minutes. Empty until the count has moved on from there.
     */
    static String barRate(long firstDone, long done, Duration since, long total, Progress.Unit unit) {
        double seconds = since.toMillis() / 1000.0;
        if (done <= firstDone || seconds <= 0) {
            return "";
        }
        double perSecond = (done - firstDone) / seconds;
        StringBuilder sb = new StringBuilder(" ").append(rate(done - firstDone, seconds, unit));
        if (total > done) {
            sb.append(", ETA ").append(TerminalProgress.human(Duration.ofMillis(Math.round(
                    (total - done) / perSecond * 1000))));
        }
        return sb.toString();
    }

    /**
     * {@code check: 5000 done in 2 min 21 s (35.5 img/s), 3 failed}; failures are counted for items only:
     * {@code Analysing talk.mp4: 1:02:05 of media done in 2 min 10 s (28.7x real time)}.
     */
    static String finished(String task, long done, long failed, Duration elapsed, Progress.Unit unit) {
        return finished(task, done, failed, 0, elapsed, unit);
    }

    /**
     * As above, with the items passed over without work (not images, sidecars kept), which are neither done nor in
     * the rate: {@code tag: 2 done in 0.5 s (4.0 img/s), 1 passed over, none failed}.
     */
    static String finished(String task, long done, long failed, long passedOver, Duration elapsed,
                           Progress.Unit unit) {
        double seconds = elapsed.toMillis() / 1000.0;
        return task + ": " + unit.format(done) + (unit == Progress.Unit.SECONDS ? " of media" : "") + " done in "
                + TerminalProgress.human(elapsed)
                + (seconds > 0 && done > 0 ? " (" + rate(done, seconds, unit) + ")" : "")
                + (passedOver > 0 ? ", " + passedOver + " passed over" : "")
                + (failed > 0 ? ", " + failed + " failed" : unit == Progress.Unit.ITEMS ? ", none failed" : "");
    }

    /**
     * The line a task leaves when it ends: {@link #finished}, or for a task that counted nothing towards no total
     * (a wait before a retry, {@code model.onnx: ConnectException; try 2 of 5 in 1 s}) its name alone.
     */
    static String closing(String task, long total, long done, long failed, Duration elapsed, Progress.Unit unit) {
        return closing(task, total, done, failed, 0, elapsed, unit);
    }

    /** {@link #closing} with the items passed over, as {@link #finished} shows them. */
    static String closing(String task, long total, long done, long failed, long passedOver, Duration elapsed,
                          Progress.Unit unit) {
        return total < 0 && done == 0 && failed == 0 && passedOver == 0 ? task
                : finished(task, done, failed, passedOver, elapsed, unit);
    }

    /**
     * {@code line} (a {@link #finished} line) with the items that failed in an earlier run of a resumed batch, so that
     * it does not end on "none failed" before the command exits 1 for them (dogfood round 7, J16):
     * {@code check: 0 done in 0.0 s, none failed this run, 1 failed in an earlier run}.
     */
    static String withEarlier(String line, long failedEarlier) {
        if (failedEarlier <= 0) {
            return line;
        }
        return (line.endsWith(", none failed") ? line + " this run" : line) + ", " + failedEarlier
                + " failed in an earlier run";
    }

    private static String rate(long done, double seconds, Progress.Unit unit) {
        return switch (unit) {
            case BYTES -> String.format(Locale.ROOT, "%.1f MiB/s", done / seconds / (1 << 20));
            case SECONDS -> String.format(Locale.ROOT, "%.1fx real time", done / seconds);
            case ITEMS -> String.format(Locale.ROOT, "%.1f img/s", done / seconds);
            case COUNT -> String.format(Locale.ROOT, "%.1f/s", done / seconds);
        };
    }
}
