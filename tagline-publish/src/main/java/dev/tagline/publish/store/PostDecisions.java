package dev.tagline.publish.store;

import dev.tagline.core.TaglineException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * What the user decides about one post once it has left the plain queue: Retry a failed post, cancel or unschedule
 * one, and record what they found on the platform for an unconfirmed one ({@link #resolvePosted},
 * {@link #resolveNotPosted}); with the exactly-once rule ({@link #whyNotSentAgain}) that a failed post is sent again
 * by. Each is one conditional update that a worker's claim races, so a post is never both sent and changed here.
 */
public final class PostDecisions {
    private final Jdbc jdbc;
    private final Clock clock;
    private final PostStore posts;

    public PostDecisions(Database db, Clock clock) {
        this.jdbc = db.jdbc();
        this.clock = clock;
        this.posts = new PostStore(db, clock);
    }

    /**
     * The exactly-once rule for sending a failed post again, shared by {@code publish queue} (which re-queues a failed
     * post in place) and the web editor's Retry: only when the platform did not take the video. Empty when it may go
     * again; otherwise why not, as "failed after youtube had taken the video (its id there: 42)" or "failed while its
     * create call to youtube was in flight, so whether youtube has it is unknown". A post that is not failed is not
     * judged here (empty).
     */
    public static Optional<String> whyNotSentAgain(Post post, String platform) {
        if (post.state() != PostState.FAILED) {
            return Optional.empty();
        }
        // a post that failed after the platform took the video (YouTube's upload done, a later step refused) is
        // there already: sending it afresh would post the clip twice
        String taken = post.externalId() != null ? post.externalId() : post.progress().get("external_id");
        if (taken != null) {
            return Optional.of("failed after " + platform + " had taken the video (its id there: " + taken + ")");
        }
        if (post.step() != Post.Step.UPLOAD) {
            return Optional.of("failed while its create call to " + platform + " was in flight, so whether "
                    + platform + " has it is unknown");
        }
        return Optional.empty();
    }

    /** What to do about a post {@link #whyNotSentAgain} refuses. */
    public static String sentAgainHint(String platform) {
        return "Check it on " + platform + ": finish or delete it there.";
    }

    /**
     * Sends a failed post again (the web editor's Retry): back in the queue in place (same id, its attempts kept) with
     * {@code title} and {@code caption} and no engine state, as {@code publish queue} re-queues it; {@code edited}:
     * that text is not the clip's copy, so it is kept as the user's (see {@link PostCopy#editCopy}). Refused when the
     * post is not failed, or when {@link #whyNotSentAgain} says the platform may have it.
     */
    public Post retry(long id, Channel channel, String title, String caption, boolean edited) {
        return jdbc.inTransaction(tx -> {
            Post post = tx.query("SELECT * FROM post WHERE id = ?", PostStore::map, id).stream().findFirst()
                    .orElseThrow(() -> new TaglineException("No post with id " + id, "Reload the calendar."));
            if (post.state() != PostState.FAILED) {
                throw new TaglineException("Post " + id + " is " + post.state().label() + ", not failed, so there is"
                        + " nothing to retry", "Reload the calendar.");
            }
            Optional<String> unsafe = whyNotSentAgain(post, channel.platform());
            if (unsafe.isPresent()) {
                throw new TaglineException("Post " + id + " " + unsafe.get() + "; sending it again could post it twice",
                        sentAgainHint(channel.platform()));
            }
            posts.requeue(tx, id, channel, title, caption, edited);
            return tx.query("SELECT * FROM post WHERE id = ?", PostStore::map, id).get(0);
        });
    }

    /**
     * The user's Unschedule: as {@link PostStore#unschedule(long, int)}, and the error of a failed try waiting to be
     * retried goes too, as when the user gives a new time. False when it changed meanwhile: another version, or a
     * worker has taken it (the same atomic condition a worker's claim races against, so a post is never both sent and
     * queued).
     */
    public boolean unscheduleByUser(long id, int expectedVersion) {
        return posts.unschedule(id, expectedVersion, true);
    }

    /** Cancels a post that has not reached the platform. */
    public Post cancel(long id) {
        int n = jdbc.update("UPDATE post SET state = 'cancelled', due_at = NULL, schedule_version = schedule_version + 1,"
                + " updated_at = ? WHERE id = ? AND state IN ('queued', 'scheduled') AND step = 'upload'",
                clock.instant(), id);
        if (n == 0) {
            Post now = posts.byId(id);
            if (now.state() == PostState.UNCONFIRMED) {
                throw new UnconfirmedPostException(id, "cancelled");
            }
            boolean onPlatform = now.state() == PostState.PUBLISHED || now.step() != Post.Step.UPLOAD;
            throw new TaglineException("Post " + id + " is " + (onPlatform && now.state() != PostState.PUBLISHED
                    ? "already on the platform (processing)" : now.state().label()) + " and cannot be cancelled",
                    onPlatform ? "Delete it on the platform itself." : "Only queued or scheduled posts can be cancelled.");
        }
        return posts.byId(id);
    }

    /**
     * The user's answer for an unconfirmed post after checking the platform, "it is there": published, with the
     * platform's URL ({@code where} starting with http:// or https://) or id when given. The reconciler never guesses,
     * so where the platform cannot be asked (a webhook that does not dedupe, X, LinkedIn) the post waits for this.
     * One conditional update on the unconfirmed state, which a worker's claim races, and a line in the audit trail.
     */
    public Post resolvePosted(long id, String where) {
        String given = where == null || where.isBlank() ? null : where.strip();
        boolean url = given != null && given.matches("(?i)https?://\\S+");
        return resolve(id, "the user checked the platform: the post is there" + (given == null ? "" : " (" + given
                + ")") + "; marked published", post -> new Object[] {"state = 'published', step = 'done',"
                + " external_id = ?, external_url = ?, published_at = ?, due_at = NULL", url || given == null
                ? post.progress().get("external_id") : given, url ? given : post.progress().get("external_url"),
                post.stepAt() != null ? post.stepAt() : clock.instant()});
    }

    /**
     * The user's answer for an unconfirmed post after checking the platform, "it is not there": scheduled at {@code at}
     * ({@code by} who chose it) at the step before its create call, so a worker sends it again, as after the
     * reconciler's definite "not found" (its upload progress is kept; the engine starts an upload over where the clip
     * changed). Conditional and audited as {@link #resolvePosted}.
     */
    public Post resolveNotPosted(long id, Instant at, Post.PlannedBy by) {
        return resolve(id, "the user checked the platform: the post is not there; it is sent again", post ->
                new Object[] {"state = 'scheduled', step = 'upload', step_at = NULL, scheduled_at = ?, due_at = ?,"
                        + " planned_by = ?, tries = 0, schedule_version = schedule_version + 1", at, at, by});
    }

    /** Records the user's answer: {@code set} gives the SET clause and its values for the unconfirmed post. */
    private Post resolve(long id, String decision, java.util.function.Function<Post, Object[]> set) {
        return jdbc.inTransaction(tx -> {
            Post post = tx.query("SELECT * FROM post WHERE id = ?", PostStore::map, id).stream().findFirst()
                    .orElseThrow(() -> new TaglineException("No post with id " + id, "List posts with 'tagline"
                            + " publish list'."));
            if (post.state() != PostState.UNCONFIRMED) {
                throw new TaglineException("Post " + id + " is " + post.state().label() + ", not unconfirmed, so there"
                        + " is nothing to record", post.state() == PostState.PUBLISHING ? "A worker is asking the"
                        + " platform about it right now; look at it again in a minute." : "Only a post whose create"
                        + " call's answer was lost (unconfirmed) waits for what you found on the platform.");
            }
            Object[] parts = set.apply(post);
            Object[] params = new Object[parts.length + 1];
            System.arraycopy(parts, 1, params, 0, parts.length - 1);
            params[parts.length - 1] = clock.instant();
            params[parts.length] = id;
            if (tx.update("UPDATE post SET " + parts[0] + ", last_error = NULL, lease_owner = NULL, lease_until = NULL,"
                    + " updated_at = ? WHERE id = ? AND state = 'unconfirmed'", params) != 1) {
                throw new TaglineException("Post " + id + " changed while recording it", "Look at it again.");
            }
            tx.update("INSERT INTO attempt (post_id, at, worker, step, request, status, outcome, detail, duration_ms)"
                    + " VALUES (?, ?, 'user', 'resolve', '-', NULL, 'decided', ?, 0)", id, clock.instant(), decision);
            return tx.query("SELECT * FROM post WHERE id = ?", PostStore::map, id).get(0);
        });
    }
}
