package dev.tagline.publish.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The worker's view of posts, db-scheduler style: due posts are claimed by one atomic {@code UPDATE} (the row is the
 * job), the holder keeps a lease alive with heartbeats, and every later write is fenced by the lease owner so a worker
 * that lost its lease can change nothing. A worker that dies leaves an expired lease; the next claim takes over.
 */
public final class JobStore {
    private final Jdbc jdbc;

    public JobStore(Database db) {
        this.jdbc = db.jdbc();
    }

    /** A post that may be claimed now, and the version it must still have. */
    public record Due(long postId, int scheduleVersion, long channelId, String platform) {
    }

    /**
     * Up to {@code limit} claimable posts: scheduled and due on an active channel, unconfirmed and due for
     * reconciliation, or publishing under an expired lease (its worker died).
     */
    public List<Due> due(Instant now, int limit) {
        return jdbc.query("SELECT p.id, p.schedule_version, p.channel_id, c.platform FROM post p JOIN channel c ON c.id = p.channel_id"
                        + " WHERE c.state = 'active' AND ((p.state IN ('scheduled', 'unconfirmed') AND p.due_at <= ?)"
                        + " OR (p.state = 'publishing' AND p.lease_until < ?)) ORDER BY p.due_at, p.id LIMIT ?",
                rs -> new Due(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4)), now, now, limit);
    }

    /** Atomically takes the post for {@code owner} until {@code leaseUntil}; empty when someone else was faster. */
    public Optional<Post> claim(Due due, String owner, Instant now, Instant leaseUntil) {
        return jdbc.queryOne("UPDATE post SET state = 'publishing', lease_owner = ?, lease_until = ?, tries = tries + 1,"
                        + " updated_at = ? WHERE id = ? AND schedule_version = ? AND ((state IN ('scheduled',"
                        + " 'unconfirmed') AND due_at <= ?) OR (state = 'publishing' AND lease_until < ?)) RETURNING *",
                PostStore::map, owner, leaseUntil, now, due.postId(), due.scheduleVersion(), now, now);
    }

    /** Extends the lease; false when it was lost (then the worker must stop touching the post). */
    public boolean heartbeat(long postId, String owner, Instant leaseUntil) {
        return jdbc.update("UPDATE post SET lease_until = ? WHERE id = ? AND lease_owner = ? AND state = 'publishing'",
                leaseUntil, postId, owner) == 1;
    }

    /** Records progress (the step reached and its resumable state); false when the lease was lost. */
    public boolean checkpoint(long postId, String owner, Post.Step step, Map<String, String> progress, Instant now) {
        return jdbc.update("UPDATE post SET step = ?, step_at = ?, progress_json = ?, updated_at = ? WHERE id = ?"
                        + " AND lease_owner = ? AND state = 'publishing'", step, now, JsonMaps.write(progress), now,
                postId, owner) == 1;
    }

    /**
     * Stores the text and progress a post is about to be uploaded with (the clip as it is now); false when the lease
     * was lost or the post is past its upload step, where nothing may change any more.
     */
    public boolean sending(long postId, String owner, String title, String caption, Map<String, String> progress,
                           Instant now) {
        return jdbc.update("UPDATE post SET title = ?, caption = ?, progress_json = ?, updated_at = ? WHERE id = ?"
                        + " AND lease_owner = ? AND state = 'publishing' AND step = 'upload'", title, caption,
                JsonMaps.write(progress), now, postId, owner) == 1;
    }

    /** The post is on the platform. */
    public boolean published(long postId, String owner, String externalId, String url, Instant now) {
        return finish(postId, owner, "state = 'published', step = 'done', external_id = ?, external_url = ?,"
                + " published_at = ?, last_error = NULL, due_at = NULL", now, externalId, url, now);
    }

    /** Nothing was lost; run again at {@code at} (backoff, rate limit, quota window). */
    public boolean retryAt(long postId, String owner, Instant at, String reason, Instant now) {
        return finish(postId, owner, "state = 'scheduled', due_at = ?, last_error = ?", now, at, reason);
    }

    /** The create call's outcome is unknown; the reconciler looks again at {@code at}. */
    public boolean unconfirmed(long postId, String owner, Instant at, String reason, Instant now) {
        return finish(postId, owner, "state = 'unconfirmed', due_at = ?, last_error = ?", now, at, reason);
    }

    /** The platform refused the post for good. */
    public boolean failed(long postId, String owner, String reason, Instant now) {
        return finish(postId, owner, "state = 'failed', due_at = NULL, last_error = ?", now, reason);
    }

    private boolean finish(long postId, String owner, String set, Instant now, Object... values) {
        Object[] params = new Object[values.length + 3];
        System.arraycopy(values, 0, params, 0, values.length);
        params[values.length] = now;
        params[values.length + 1] = postId;
        params[values.length + 2] = owner;
        return jdbc.update("UPDATE post SET " + set + ", lease_owner = NULL, lease_until = NULL, updated_at = ?"
                + " WHERE id = ? AND lease_owner = ? AND state = 'publishing'", params) == 1;
    }

    /** How many posts of a channel were published in {@code [from, to)}, for rolling platform caps. */
    public int publishedBetween(long channelId, Instant from, Instant to) {
        return jdbc.queryOne("SELECT COUNT(*) FROM post WHERE channel_id = ? AND published_at >= ? AND published_at < ?",
                rs -> rs.getInt(1), channelId, from, to).orElse(0);
    }
}
