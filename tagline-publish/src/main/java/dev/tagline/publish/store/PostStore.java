package dev.tagline.publish.store;

import dev.tagline.core.TaglineException;
import dev.tagline.core.manifest.ClipManifest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Posts as the user and the planner see them: queue, read, schedule and unschedule. The user's decisions on one post
 * (retry, cancel, resolve) are {@link PostDecisions}, the text a post will be sent with is {@link PostCopy}, the
 * calendar's lean reads are {@link CalendarSlots}; the worker uses {@link JobStore}.
 */
public final class PostStore {
    private final Jdbc jdbc;
    private final Clock clock;

    public PostStore(Database db, Clock clock) {
        this.jdbc = db.jdbc();
        this.clock = clock;
    }

    /**
     * Queues {@code media} on {@code channel} with the copy for its platform; a clip goes to a channel once. A post of
     * the clip on the channel that was cancelled or failed for good does not count: it is queued again in place (same
     * id, so its attempts stay in the audit trail), with fresh copy and no engine state. The post follows the clip's
     * copy until it is sent ({@link PostCopy#followClip}), unless its text is edited on the calendar.
     */
    public Post queue(Media media, Channel channel, ClipManifest.Copy copy) {
        return jdbc.inTransaction(tx -> {
            // the same clip from another folder (a copied clip folder, a render with --out: same id, same bytes) is
            // the same post: a channel gets a clip once, whichever clip.json names it
            List<String[]> twin = tx.query("SELECT p.id, p.state FROM post p JOIN media m ON m.id = p.media_id"
                    + " WHERE p.channel_id = ? AND m.sha256 = ? AND m.clip_id = ? AND p.media_id <> ? AND p.state NOT"
                    + " IN ('cancelled', 'failed')", rs -> new String[] {rs.getString(1), rs.getString(2)},
                    channel.id(), media.sha256(), media.manifest().id(), media.id());
            if (!twin.isEmpty()) {
                throw new TaglineException("The video of clip " + media.manifest().id() + " (" + media.videoPath()
                        + ") is already on channel '" + channel.name() + "' as post " + twin.get(0)[0] + " ("
                        + twin.get(0)[1] + "), queued from another folder", "A video goes to a channel once; queue"
                        + " another clip, or cancel post " + twin.get(0)[0] + " first if it has not gone out.");
            }
            List<Post> existing = tx.query("SELECT * FROM post WHERE media_id = ? AND channel_id = ?",
                    PostStore::map, media.id(), channel.id());
            if (!existing.isEmpty()) {
                Post old = existing.get(0);
                String state = old.state().label();
                Optional<String> unsafe = PostDecisions.whyNotSentAgain(old, channel.platform());
                if (unsafe.isPresent()) {
                    throw new TaglineException("Post " + old.id() + " of clip " + media.manifest().id() + " "
                            + unsafe.get() + "; queueing it again could post it twice", PostDecisions.sentAgainHint(channel.platform())
                            + " A clip goes to a channel once.");
                }
                if (!state.equals("cancelled") && !state.equals("failed")) {
                    throw new AlreadyOnChannelException("Clip " + media.manifest().id() + " is already on channel '"
                            + channel.name() + "' as post " + old.id() + " (" + state + ")", old);
                }
                requeue(tx, old.id(), channel, copy.title(), copy.text(), false);
                return tx.query("SELECT * FROM post WHERE id = ?", PostStore::map, old.id()).get(0);
            }
            Instant now = clock.instant();
            long id = tx.insert("INSERT INTO post (media_id, channel_id, title, caption, state, planned_by, zone,"
                            + " schedule_version, step, progress_json, tries, created_at, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, '{}', 0, ?, ?)",
                    media.id(), channel.id(), copy.title(), copy.text(), PostState.QUEUED, Post.PlannedBy.NONE,
                    channel.zone().getId(), Post.Step.UPLOAD, now, now);
            return tx.query("SELECT * FROM post WHERE id = ?", PostStore::map, id).get(0);
        });
    }

    void requeue(Jdbc.Tx tx, long id, Channel channel, String title, String caption, boolean edited)
            throws SQLException {
        tx.update("UPDATE post SET title = ?, caption = ?, copy_edited = ?, state = ?, planned_by = ?,"
                        + " scheduled_at = NULL, zone = ?, schedule_version = schedule_version + 1, due_at = NULL,"
                        + " lease_owner = NULL, lease_until = NULL, step = ?, step_at = NULL, progress_json = '{}',"
                        + " external_id = NULL, external_url = NULL, tries = 0, last_error = NULL, published_at = NULL,"
                        + " updated_at = ? WHERE id = ?", title, caption, edited ? 1 : 0, PostState.QUEUED,
                Post.PlannedBy.NONE, channel.zone().getId(), Post.Step.UPLOAD, clock.instant(), id);
    }

    public Post byId(long id) {
        return jdbc.queryOne("SELECT * FROM post WHERE id = ?", PostStore::map, id)
                .orElseThrow(() -> new TaglineException("No post with id " + id,
                        "List posts with 'tagline publish list'."));
    }

    /** Posts scheduled in {@code [from, to)}, by time. */
    public List<Post> between(Instant from, Instant to) {
        return jdbc.query("SELECT * FROM post WHERE scheduled_at >= ? AND scheduled_at < ? ORDER BY scheduled_at, id",
                PostStore::map, from, to);
    }

    /** Every post of a channel that is not cancelled, scheduled ones first by time. */
    public List<Post> ofChannel(long channelId) {
        return jdbc.query("SELECT * FROM post WHERE channel_id = ? AND state <> 'cancelled'"
                + " ORDER BY scheduled_at, id", PostStore::map, channelId);
    }

    /**
     * The posts of the clip whose {@code clip.json} is {@code manifest}, by channel id, that keep it from being queued
     * there again: all but cancelled and failed ones (see {@link #queue}).
     */
    public Map<Long, Post> ofClipFile(java.nio.file.Path manifest) {
        Map<Long, Post> out = new java.util.HashMap<>();
        jdbc.query("SELECT p.* FROM post p JOIN media m ON m.id = p.media_id WHERE m.manifest_path = ? AND p.state NOT"
                + " IN ('cancelled', 'failed') ORDER BY p.id", PostStore::map,
                manifest.toAbsolutePath().normalize().toString()).forEach(p -> out.putIfAbsent(p.channelId(), p));
        return out;
    }

    /** Queued posts of a channel, highest clip score first. */
    public List<Post> queuedByScore(long channelId) {
        return jdbc.query("SELECT p.* FROM post p JOIN media m ON m.id = p.media_id WHERE p.channel_id = ?"
                + " AND p.state = 'queued' ORDER BY m.score DESC, p.id", PostStore::map, channelId);
    }

    /**
     * Gives a post a time, bumping its schedule version; false when it changed meanwhile (another version, or a
     * worker took it). A time the user gives (or now) clears the error of a failed try that was waiting to be retried.
     */
    public boolean schedule(long id, int expectedVersion, Instant at, Post.PlannedBy by) {
        // a user's new time replaces a pending retry: the post no longer shows as retrying with the old error
        return jdbc.update("UPDATE post SET state = 'scheduled', scheduled_at = ?, due_at = ?, planned_by = ?,"
                        + (by == Post.PlannedBy.USER || by == Post.PlannedBy.NOW ? " last_error = NULL," : "")
                        + " schedule_version = schedule_version + 1, updated_at = ? WHERE id = ?"
                        + " AND schedule_version = ? AND state IN ('queued', 'scheduled') AND step = 'upload'",
                at, at, by, clock.instant(), id, expectedVersion) == 1;
    }

    /** Takes a post's time away again (for re-planning); false when it changed meanwhile. */
    public boolean unschedule(long id, int expectedVersion) {
        return unschedule(id, expectedVersion, false);
    }

    /** Both unschedules' one update; {@code byUser}: the user's, which also drops a waiting retry's error. */
    boolean unschedule(long id, int expectedVersion, boolean byUser) {
        return jdbc.update("UPDATE post SET state = 'queued', scheduled_at = NULL, due_at = NULL, planned_by = 'none',"
                + (byUser ? " last_error = NULL," : "")
                + " schedule_version = schedule_version + 1, updated_at = ? WHERE id = ? AND schedule_version = ?"
                + " AND state = 'scheduled' AND step = 'upload'", clock.instant(), id, expectedVersion) == 1;
    }

    /** Number of posts per state, all channels. */
    public Map<PostState, Integer> countByState() {
        Map<PostState, Integer> counts = new TreeMap<>();
        jdbc.query("SELECT state, COUNT(*) FROM post GROUP BY state", rs -> counts.put(
                PostState.valueOf(rs.getString(1).toUpperCase(Locale.ROOT)), rs.getInt(2)));
        return counts;
    }

    /** Posts in one state, oldest update first. */
    public List<Post> inState(PostState state) {
        return jdbc.query("SELECT * FROM post WHERE state = ? ORDER BY updated_at, id", PostStore::map, state);
    }

    /**
     * A post occupying a time on a platform: published ones at their publish time, others at their slot.
     * {@code plannedBy} {@link Post.PlannedBy#NOW} marks one the user sent now, outside the channel's plan.
     */
    public record Placement(long postId, long channelId, Instant at, Post.PlannedBy plannedBy) {
    }

    /**
     * Every post of {@code platform} that occupies a time (for spacing and quotas). Failed and cancelled posts do
     * not: their place is free again.
     */
    public List<Placement> placedOnPlatform(String platform) {
        return jdbc.query("SELECT p.id, p.channel_id, COALESCE(p.published_at, p.scheduled_at) AS at, p.planned_by"
                + " FROM post p JOIN channel c ON c.id = p.channel_id WHERE c.platform = ? AND p.state IN"
                + " ('scheduled', 'publishing', 'unconfirmed', 'published') AND COALESCE(p.published_at,"
                + " p.scheduled_at) IS NOT NULL", rs -> new Placement(rs.getLong(1), rs.getLong(2),
                Jdbc.instant(rs, "at"), Post.PlannedBy.valueOf(rs.getString(4).toUpperCase(Locale.ROOT))), platform);
    }

    static Post map(ResultSet rs) throws SQLException {
        return new Post(rs.getLong("id"), rs.getLong("media_id"), rs.getLong("channel_id"), rs.getString("title"),
                rs.getString("caption"), PostState.valueOf(upper(rs, "state")),
                Post.PlannedBy.valueOf(upper(rs, "planned_by")), Jdbc.instant(rs, "scheduled_at"),
                ZoneId.of(rs.getString("zone")), rs.getInt("schedule_version"), Jdbc.instant(rs, "due_at"),
                rs.getString("lease_owner"), Jdbc.instant(rs, "lease_until"), Post.Step.valueOf(upper(rs, "step")),
                Jdbc.instant(rs, "step_at"), JsonMaps.read(rs.getString("progress_json")), rs.getString("external_id"),
                rs.getString("external_url"), rs.getInt("tries"), rs.getString("last_error"),
                Jdbc.instant(rs, "updated_at"), Jdbc.instant(rs, "published_at"), rs.getInt("copy_edited") == 1);
    }

    private static String upper(ResultSet rs, String column) throws SQLException {
        return rs.getString(column).toUpperCase(Locale.ROOT);
    }
}
