package dev.tagline.core.batch;

/**
 * Asks a running batch to stop cleanly. {@link #request()} (the CLI's first Ctrl-C): the chunk in progress is finished
 * and journaled, no new chunk starts. {@link #requestSoon()} (SIGTERM from {@code timeout}, {@code docker stop} or a
 * job scheduler, which kill soon after): no new item starts; the items already under way are finished and journaled
 * as a short chunk. Thread-safe.
 */
public final class StopSignal {
    private volatile boolean requested;
    private volatile boolean soon;

    public void request() {
        requested = true;
    }

    public void requestSoon() {
        soon = true;
        requested = true;
    }

    public boolean requested() {
        return requested;
    }

    /** True when the run should stop after the items under way, not at the end of the chunk. */
    public boolean soon() {
        return soon;
    }
}
