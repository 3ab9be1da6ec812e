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

/** Posts as the user and the planner see them: queue, list, schedule, move, cancel. The worker uses {@link JobStore}. */
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
     * copy until it is sent ({@link #followClip}), unless its text is edited on the calendar.
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
                Optional<String> unsafe = whyNotSentAgain(old, channel.platform());
                if (unsafe.isPresent()) {
                    throw new TaglineException("Post " + old.id() + " of clip " + media.manifest().id() + " "
                            + unsafe.get() + "; queueing it again could post it twice", sentAgainHint(channel.platform())
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
     * A clip queued on a channel where it already is (queued, scheduled, publishing or published). The hint is the
     * command line's; the web app words its own from {@link #postId()} and {@link #published()}.
     */
    public static final class AlreadyOnChannelException extends TaglineException {
        private static final long serialVersionUID = 1L;
        private final long postId;
        private final PostState state;

        AlreadyOnChannelException(String message, Post post) {
            super(message, switch (post.state()) {
                case PUBLISHED -> "A clip is published on a channel once.";
                case UNCONFIRMED -> "Whether the platform has it is not known. " + UnconfirmedPostException.cliHint(
                        post.id());
                case PUBLISHING -> "A worker is publishing it now.";
                default -> post.step() != Post.Step.UPLOAD ? "It is on the platform, processing." : "Use 'tagline"
                        + " publish move " + post.id() + " TIME' to change its time, or 'tagline publish cancel "
                        + post.id() + "' to take it off.";
            });
            this.postId = post.id();
            this.state = post.state();
        }

        /** The post that holds the clip on the channel. */
        public long postId() {
            return postId;
        }

        public boolean published() {
            return state == PostState.PUBLISHED;
        }

        /** The state of the post that holds the clip on the channel. */
        public PostState state() {
            return state;
        }
    }

    /**
     * Sends a failed post again (the web editor's Retry): back in the queue in place (same id, its attempts kept) with
     * {@code title} and {@code caption} and no engine state, as {@code publish queue} re-queues it; {@code edited}:
     * that text is not the clip's copy, so it is kept as the user's (see {@link #editCopy}). Refused when the post is
     * not failed, or when {@link #whyNotSentAgain} says the platform may have it.
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
            requeue(tx, id, channel, title, caption, edited);
            return tx.query("SELECT * FROM post WHERE id = ?", PostStore::map, id).get(0);
        });
    }

    private void requeue(Jdbc.Tx tx, long id, Channel channel, String title, String caption, boolean edited)
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

    /**
     * The user's Unschedule: as {@link #unschedule(long, int)}, and the error of a failed try waiting to be retried
     * goes too, as when the user gives a new time. False when it changed meanwhile: another version, or a worker has
     * taken it (the same atomic condition a worker's claim races against, so a post is never both sent and queued).
     */
    public boolean unscheduleByUser(long id, int expectedVersion) {
        return unschedule(id, expectedVersion, true);
    }

    private boolean unschedule(long id, int expectedVersion, boolean byUser) {
        return jdbc.update("UPDATE post SET state = 'queued', scheduled_at = NULL, due_at = NULL, planned_by = 'none',"
                + (byUser ? " last_error = NULL," : "")
                + " schedule_version = schedule_version + 1, updated_at = ? WHERE id = ? AND schedule_version = ?"
                + " AND state = 'scheduled' AND step = 'upload'", clock.instant(), id, expectedVersion) == 1;
    }

    /** Cancels a post that has not reached the platform. */
    public Post cancel(long id) {
        int n = jdbc.update("UPDATE post SET state = 'cancelled', due_at = NULL, schedule_version = schedule_version + 1,"
                + " updated_at = ? WHERE id = ? AND state IN ('queued', 'scheduled') AND step = 'upload'",
                clock.instant(), id);
        if (n == 0) {
            Post now = byId(id);
            if (now.state() == PostState.UNCONFIRMED) {
                throw new UnconfirmedPostException(id, "cancelled");
            }
            boolean onPlatform = now.state() == PostState.PUBLISHED || now.step() != Post.Step.UPLOAD;
            throw new TaglineException("Post " + id + " is " + (onPlatform && now.state() != PostState.PUBLISHED
                    ? "already on the platform (processing)" : now.state().label()) + " and cannot be cancelled",
                    onPlatform ? "Delete it on the platform itself." : "Only queued or scheduled posts can be cancelled.");
        }
        return byId(id);
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

    /**
     * Changes the title and caption of a post that has not reached the platform; false when it has started. A text
     * that differs from the post's marks it edited: from then on it is sent as it is, and the clip's copy no longer
     * replaces it (a Save that changes only the time leaves the post following its clip).
     */
    public boolean editCopy(long id, String title, String caption) {
        return jdbc.update("UPDATE post SET copy_edited = CASE WHEN COALESCE(title, '') <> COALESCE(?, '')"
                + " OR caption <> ? THEN 1 ELSE copy_edited END, title = ?, caption = ?, updated_at = ? WHERE id = ?"
                + " AND state IN ('queued', 'scheduled') AND step = 'upload'", title, caption, title, caption,
                clock.instant(), id) == 1;
    }

    /**
     * A post of a clip that has not been sent, after {@link #followClip}: {@code edited} = it keeps the text edited on
     * the calendar; otherwise it has the clip's copy, {@code changed} = it took a new one now.
     */
    public record Following(long postId, String channel, boolean edited, boolean changed) {
    }

    /**
     * Gives the clip's posts that have not started publishing (queued or scheduled, nothing created) the copy that
     * {@code media}'s manifest holds for their channel's platform, as the worker does just before it uploads, so the
     * calendar and {@code publish list} show what will be sent. Posts whose text was edited on the calendar keep it.
     * A worker's claim races this on the row's state, so a post being sent is never changed here.
     */
    public List<Following> followClip(Media media) {
        return jdbc.inTransaction(tx -> {
            List<Following> out = new java.util.ArrayList<>();
            List<Object[]> rows = tx.query("SELECT p.id, c.name, c.platform, p.title, p.caption, p.copy_edited"
                    + " FROM post p JOIN channel c ON c.id = p.channel_id WHERE p.media_id = ? AND p.state IN"
                    + " ('queued', 'scheduled') AND p.step = 'upload' ORDER BY p.id", rs -> new Object[] {
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6) == 1}, media.id());
            for (Object[] row : rows) {
                long id = (Long) row[0];
                if ((Boolean) row[5]) {
                    out.add(new Following(id, (String) row[1], true, false));
                    continue;
                }
                ClipManifest.Copy copy = media.manifest().copyFor((String) row[2]);
                boolean changed = !java.util.Objects.equals(copy.title(), row[3]) || !copy.text().equals(row[4]);
                if (changed) {
                    changed = tx.update("UPDATE post SET title = ?, caption = ? WHERE id = ? AND state IN ('queued',"
                            + " 'scheduled') AND step = 'upload' AND copy_edited = 0", copy.title(), copy.text(),
                            id) == 1;
                }
                out.add(new Following(id, (String) row[1], false, changed));
            }
            return out;
        });
    }

    /** The media of every post that follows its clip's copy and has not started publishing ({@link #followClip}). */
    public List<Long> mediaFollowingClips() {
        return jdbc.query("SELECT DISTINCT media_id FROM post WHERE state IN ('queued', 'scheduled') AND step = 'upload'"
                + " AND copy_edited = 0 ORDER BY media_id", rs -> rs.getLong(1));
    }

    /** What a calendar shows of a post: no engine state, cheap enough to read 10,000 at once. */
    public record Slot(long id, long channelId, String title, PostState state, Post.Step step, Instant scheduledAt,
                       String externalUrl, String lastError) {
    }

    /** Posts scheduled in {@code [from, to)} except cancelled ones, by time, as calendar slots. */
    public List<Slot> slotsBetween(Instant from, Instant to) {
        return jdbc.query("SELECT id, channel_id, title, state, step, scheduled_at, external_url, last_error FROM post"
                + " WHERE scheduled_at >= ? AND scheduled_at < ? AND state <> 'cancelled' ORDER BY scheduled_at, id",
                rs -> slot(rs, 1), from, to);
    }

    /** One day of a dense calendar: its first posts by time and how many (not cancelled) it holds in all. */
    public record Day(Instant start, List<Slot> first, int total) {
    }

    /**
     * For each day {@code [bounds[i], bounds[i+1])} that holds posts, its first {@code perDay} posts by time and its
     * total. One query: each day is counted on the {@code post_time (scheduled_at, state)} index alone and only its
     * first {@code perDay} rows are read from the table, so a month of 10,000 posts costs what a few hundred do (a
     * window function ranking every post sorted all 10,000 and took ten times as long on SQLite).
     */
    public List<Day> firstOfEachDay(List<Instant> bounds, int perDay) {
        if (bounds.size() < 2 || perDay < 1) {
            throw new IllegalArgumentException("need at least two bounds and perDay >= 1");
        }
        StringBuilder days = new StringBuilder("WITH days (d, lo, hi) AS (VALUES ");
        Object[] params = new Object[(bounds.size() - 1) * 2 + 1];
        for (int i = 0; i + 1 < bounds.size(); i++) {
            days.append(i == 0 ? "" : ", ").append("(").append(i).append(", ?, ?)");
            params[2 * i] = bounds.get(i);
            params[2 * i + 1] = bounds.get(i + 1);
        }
        params[params.length - 1] = perDay;
        String sql = days + ") SELECT p.id, p.channel_id, p.title, p.state, p.step, p.scheduled_at, p.external_url,"
                + " p.last_error, days.d, (SELECT COUNT(*) FROM post c WHERE c.scheduled_at >= days.lo"
                + " AND c.scheduled_at < days.hi AND c.state <> 'cancelled') AS total FROM days JOIN post p ON p.id IN"
                + " (SELECT q.id FROM post q WHERE q.scheduled_at >= days.lo AND q.scheduled_at < days.hi"
                + " AND q.state <> 'cancelled' ORDER BY q.scheduled_at, q.id LIMIT ?)"
                + " ORDER BY days.d, p.scheduled_at, p.id";
        Map<Integer, Day> out = new TreeMap<>();
        jdbc.query(sql, rs -> {
            int total = rs.getInt(10);
            return out.computeIfAbsent(rs.getInt(9), d -> new Day(bounds.get(d), new java.util.ArrayList<>(), total))
                    .first().add(slot(rs, 1));
        }, params);
        return List.copyOf(out.values());
    }

    private static Slot slot(ResultSet rs, int first) throws SQLException {
        long ms = rs.getLong(first + 5);
        Instant at = rs.wasNull() ? null : Instant.ofEpochMilli(ms);
        return new Slot(rs.getLong(first), rs.getLong(first + 1), rs.getString(first + 2),
                PostState.valueOf(rs.getString(first + 3).toUpperCase(Locale.ROOT)),
                Post.Step.valueOf(rs.getString(first + 4).toUpperCase(Locale.ROOT)),
                at, rs.getString(first + 6), rs.getString(first + 7));
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
