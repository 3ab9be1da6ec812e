package dev.tagline.core.batch;

/**
 * Asks a running batch to stop cleanly: the chunk in progress is finished and journaled, no new chunk starts. The CLI
 * raises it on the first Ctrl-C. Thread-safe.
 */
public final class StopSignal {
    private volatile boolean requested;

    public void request() {
        requested = true;
    }

    public boolean requested() {
        return requested;
    }
}
