package dev.tagline.publish.store;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * One clip on one channel, with that platform's copy. {@code scheduledAt} is UTC, {@code zone} the channel's zone at
 * planning time; {@code scheduleVersion} grows on every reschedule so a stale worker cannot act on an old plan.
 * {@code step} and {@code progress} are the engine's resumable state (upload session, offsets, platform ids).
 * {@code copyEdited}: the text was edited on the calendar, so it is sent as it is; otherwise the post follows its
 * clip's copy ({@code clip.json}, the channel's platform variant) until it is sent.
 */
public record Post(long id, long mediaId, long channelId, String title, String caption, PostState state,
                   PlannedBy plannedBy, Instant scheduledAt, ZoneId zone, int scheduleVersion, Instant dueAt,
                   String leaseOwner, Instant leaseUntil, Step step, Instant stepAt, Map<String, String> progress,
                   String externalId, String externalUrl, int tries, String lastError, Instant updatedAt,
                   Instant publishedAt, boolean copyEdited) {
    public Post {
        progress = Map.copyOf(progress);
    }

    /** This post with another text and progress: what a worker is about to send. */
    public Post sending(String newTitle, String newCaption, Map<String, String> newProgress) {
        return new Post(id, mediaId, channelId, newTitle, newCaption, state, plannedBy, scheduledAt, zone,
                scheduleVersion, dueAt, leaseOwner, leaseUntil, step, stepAt, newProgress, externalId, externalUrl,
                tries, lastError, updatedAt, publishedAt, copyEdited);
    }

    /** The scheduled time on the channel's wall clock, or null when not scheduled. */
    public ZonedDateTime localTime() {
        return scheduledAt == null ? null : scheduledAt.atZone(zone);
    }

    /**
     * Who chose the time: the auto-scheduler (free to re-plan), the user (fixed), or the user asking for now (fixed,
     * and outside the channel's plan: it takes no slot from the posting rule's per-day, per-week and spacing, though
     * the platforms' caps still count it).
     */
    public enum PlannedBy {
        NONE, AUTO, USER, NOW
    }

    /** How far publishing got; see {@code dev.tagline.publish.engine.PublishJob}. */
    public enum Step {
        /** Nothing sent yet, or only retry-safe uploads. */
        UPLOAD,
        /** The one non-idempotent call is about to be made or is in flight: outcome unknown until reconciled. */
        CREATING,
        /** The platform accepted the post; waiting for it to finish processing. */
        CREATED,
        /** Nothing left to do. */
        DONE
    }
}
