package dev.tagline.cli;

import dev.tagline.core.batch.BatchSummary;
import dev.tagline.images.check.CheckRecord;
import dev.tagline.images.check.CheckSummary;
import dev.tagline.images.check.LastCheck;
import dev.tagline.images.load.Verdict;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What {@code tagline check} prints: one line per problem file as found, and the summary table at the end. */
final class CheckReport {
    private CheckReport() {
    }

    /** {@code corrupt     photos/a.jpg: decoder warning: Premature end of JPEG file}. */
    static String problemLine(CheckRecord r) {
        return String.format(Locale.ROOT, "%-11s %s%s", r.verdict().label(), r.file(),
                r.detail().isEmpty() ? "" : ": " + r.detail());
    }

    /** At most this many problem files from earlier runs are named again; {@code --report} lists all. */
    static final int EARLIER_NAMED = 20;

    /**
     * Names the failing files that this run did not decode (checked by an earlier run, kept in the journal), so that a
     * resumed run that exits 1 says why (dogfood round 6, H11: a re-run printed "none failed", named no file, exit 1).
     */
    static void earlierProblems(PrintWriter err, CheckSummary summary, Set<String> namedThisRun) {
        List<CheckRecord> earlier = summary.failed().stream().filter(r -> !namedThisRun.contains(r.file())).toList();
        earlier.stream().limit(EARLIER_NAMED).forEach(r -> err.println(problemLine(r) + " (found by an earlier run)"));
        if (earlier.size() > EARLIER_NAMED) {
            err.println("… and " + Counts.of(earlier.size() - EARLIER_NAMED, "more problem file")
                    + " found by earlier runs (--report FILE lists every file).");
        }
        err.flush();
    }

    static void print(PrintWriter out, CheckSummary summary, BatchSummary batch, Path report) {
        out.println();
        out.println(String.format(Locale.ROOT, "%-12s %8s %12s", "verdict", "files", "size"));
        for (Verdict v : Verdict.values()) {
            if (summary.files(v) > 0) {
                out.println(String.format(Locale.ROOT, "%-12s %8d %12s", v.label(), summary.files(v),
                        bytes(summary.bytes(v))));
            }
        }
        if (batch.unreadable() > 0) {
            // a folder, not a file: its files are missing from every row, so it gets a row of its own
            out.println(String.format(Locale.ROOT, "%-12s %8d %12s", "unreadable", batch.unreadable(), "-"));
        }
        out.println(String.format(Locale.ROOT, "%-12s %8d %12s", "total", summary.totalFiles(),
                bytes(summary.totalBytes())));
        if (batch.unreadable() > 0) {
            out.println("unreadable: " + Counts.of(batch.unreadable(), "folder or file name") + " that could not be"
                    + " read (see the lines above); what " + (batch.unreadable() == 1 ? "it holds is" : "they hold is")
                    + " not checked or counted.");
        }
        for (Map.Entry<String, Long> action : new java.util.TreeMap<>(summary.actions()).entrySet()) {
            String notCounted = LastCheck.notCounted(action.getKey(), action.getValue());
            out.println(notCounted != null ? notCounted : action.getKey() + ": " + action.getValue());
        }
        if (summary.warnings() > 0) {
            out.println(LastCheck.sharedSidecars(summary.warnings()));
        }
        if (batch.resumed() > 0) {
            out.println(Counts.were(batch.resumed(), "file") + " checked by an earlier run and not decoded again"
                    + " (--restart checks everything).");
        }
        if (batch.beyondLimit() > 0) {
            out.println(Counts.of(batch.beyondLimit(), "file") + " left unchecked (--limit): run the same command again"
                    + " to continue with them.");
        }
        if (batch.stopped()) {
            out.println("Stopped before the end: run the same command again to continue.");
        }
        if (report != null) {
            out.println("Report: " + report);
        }
        out.flush();
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
