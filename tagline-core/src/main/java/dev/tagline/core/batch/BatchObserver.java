package dev.tagline.core.batch;

import java.nio.file.Path;

/** Hears about per-item failures as they happen, on the writer thread; the CLI prints them. */
public interface BatchObserver {
    BatchObserver NONE = new BatchObserver() {
    };

    /** {@code entry} failed; the run goes on. {@code problem} names the file and says why. */
    default void itemFailed(ScanEntry entry, String problem) {
    }

    /**
     * A folder could not be listed, or a file has a name the JVM cannot use ({@link FolderScan.BadName}); what it
     * names is missing from the run. {@code problem} names it and says why.
     */
    default void folderUnreadable(Path dir, String problem) {
    }

    /**
     * The dataset's own state folder could not be used ({@code why} names it and says why, e.g. a read-only
     * dataset), so the journal is kept in {@code stateDir} instead; called once, before the run starts.
     */
    default void stateElsewhere(Path stateDir, String why) {
    }
}
