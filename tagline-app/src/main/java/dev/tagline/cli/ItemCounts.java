package dev.tagline.cli;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What a progress display knows besides its position: the items that failed, and the items done and passed over once
 * the job says so ({@link dev.tagline.core.progress.Progress#done}); until then every advanced unit counts as done.
 * Shared by the terminal bar and the log lines, so both count alike. Thread-safe.
 */
final class ItemCounts {
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong reportedDone = new AtomicLong(-1);
    private final AtomicLong passedOver = new AtomicLong();
    private final AtomicLong failedEarlier = new AtomicLong();

    void failedEarlier(long items) {
        failedEarlier.set(items);
    }

    long failedEarlier() {
        return failedEarlier.get();
    }

    void failed(long items) {
        failed.set(items);
    }

    void done(long items, long passed) {
        reportedDone.set(items);
        passedOver.set(passed);
    }

    /** The items to call done: as the job reported them, or {@code position} before it has. */
    long done(long position) {
        long reported = reportedDone.get();
        return reported < 0 ? position : reported;
    }

    long failed() {
        return failed.get();
    }

    long passedOver() {
        return passedOver.get();
    }
}
