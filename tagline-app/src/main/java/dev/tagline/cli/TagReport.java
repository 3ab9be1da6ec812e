package dev.tagline.cli;

import dev.tagline.core.batch.BatchObserver;
import dev.tagline.core.batch.BatchSummary;
import dev.tagline.core.batch.ScanEntry;
import dev.tagline.core.files.AtomicFiles;
import dev.tagline.images.tag.TagFrequency;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What {@code tagline tag} prints: failures as they happen, then the folder's tag frequencies and a summary. */
final class TagReport {
    private TagReport() {
    }

    /** {@code kept}: images of this run passed over because their sidecar exists ({@code --existing skip}). */
    static void print(PrintWriter out, BatchSummary batch, TagFrequency frequency, long kept, int top, Path csv) {
        List<TagFrequency.Count> counts = frequency.top(top);
        out.println();
        out.println(String.format(Locale.ROOT, "%-40s %8s %6s", "tag (" + Counts.of(frequency.images(), "image") + ")",
                "images", "share"));
        for (TagFrequency.Count c : counts) {
            out.println(String.format(Locale.ROOT, "%-40s %8d %5.1f%%", c.tag(), c.images(),
                    100.0 * c.images() / Math.max(1, frequency.images())));
        }
        if (kept > 0) {
            out.println(Counts.of(kept, "image") + " passed over: " + (kept == 1 ? "its sidecar exists" : "their"
                    + " sidecars exist") + " and " + (kept == 1 ? "was" : "were") + " kept (--existing overwrite"
                    + " replaces them).");
        }
        if (batch.resumed() > 0) {
            out.println(Counts.were(batch.resumed(), "file") + " done by an earlier run and not tagged again"
                    + " (--restart tags everything).");
        }
        if (batch.beyondLimit() > 0) {
            out.println(Counts.of(batch.beyondLimit(), "file") + " left untagged (--limit): run the same command again"
                    + " to continue with them.");
        }
        if (batch.stopped()) {
            out.println("Stopped before the end: run the same command again to continue.");
        }
        if (csv != null) {
            StringBuilder text = new StringBuilder("tag,images\n");
            for (TagFrequency.Count c : frequency.top(0)) {
                text.append(quote(c.tag())).append(',').append(c.images()).append('\n');
            }
            AtomicFiles.writeString(csv, text.toString());
            out.println("Frequencies: " + csv);
        }
        out.flush();
    }

    private static String quote(String field) {
        return field.contains(",") || field.contains("\"") ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }

    static BatchObserver observer(PrintWriter err) {
        return new BatchObserver() {
            @Override
            public void itemFailed(ScanEntry entry, String problem) {
                err.println("failed      " + problem);
            }

            @Override
            public void folderUnreadable(Path folder, String problem) {
                err.println("unreadable  " + problem);
            }

            @Override
            public void stateElsewhere(Path stateDir, String why) {
                err.println("journal     " + why + ": progress is kept in " + stateDir + " instead");
            }
        };
    }
}
