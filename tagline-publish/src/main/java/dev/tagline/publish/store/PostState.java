package dev.tagline.publish.store;

/**
 * Where a post is. {@code QUEUED → SCHEDULED → PUBLISHING → PUBLISHED | FAILED | UNCONFIRMED}; {@code CANCELLED} from
 * any state before {@code PUBLISHING}. Only {@code UNCONFIRMED} may go back to {@code PUBLISHING}, through the
 * reconciler.
 */
public enum PostState {
    /** Accepted for the channel, waiting for a slot. */
    QUEUED,
    /** Has a time; the worker runs it when due. */
    SCHEDULED,
    /** A worker holds its lease and is publishing it. */
    PUBLISHING,
    /** The create call had an unknown outcome; the reconciler asks the platform before anything is retried. */
    UNCONFIRMED,
    /** On the platform; {@code external_id} and {@code external_url} say where. */
    PUBLISHED,
    /** The platform refused it; {@code last_error} holds its reason. */
    FAILED,
    /** Removed by the user before it went out. */
    CANCELLED;

    public boolean isFinal() {
        return this == PUBLISHED || this == FAILED || this == CANCELLED;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
