package dev.tagline.publish.store;

import dev.tagline.core.manifest.ClipManifest;
import java.time.Clock;
import java.util.List;

/**
 * The text a post that has not been sent will go out with: the copy its clip's {@code clip.json} holds for its
 * platform, followed until the post is sent ({@link #followClip}), or the text the user edited on the calendar
 * ({@link #editCopy}), which from then on is kept until {@link #followClipAgain}. The worker takes the clip's copy once more just before it uploads.
 */
public final class PostCopy {
    private final Jdbc jdbc;
    private final Clock clock;

    public PostCopy(Database db, Clock clock) {
        this.jdbc = db.jdbc();
        this.clock = clock;
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
     * The way back from {@link #editCopy}: the post drops its own text, takes the copy {@code media}'s manifest holds
     * for its channel's platform now, and follows its clip again as if never edited. False when it has started
     * publishing (only a queued or scheduled post at the upload step may change), or is not a post of {@code media}.
     */
    public boolean followClipAgain(long id, Media media) {
        return jdbc.inTransaction(tx -> {
            List<String> platform = tx.query("SELECT c.platform FROM post p JOIN channel c ON c.id = p.channel_id"
                    + " WHERE p.id = ? AND p.media_id = ?", rs -> rs.getString(1), id, media.id());
            if (platform.isEmpty()) {
                return false;
            }
            ClipManifest.Copy copy = media.manifest().copyFor(platform.get(0));
            return tx.update("UPDATE post SET copy_edited = 0, title = ?, caption = ?, updated_at = ? WHERE id = ?"
                    + " AND state IN ('queued', 'scheduled') AND step = 'upload'", copy.title(), copy.text(),
                    clock.instant(), id) == 1;
        });
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

    /** A post that follows its clip's copy and has not started publishing, with the text it has now. */
    public record Follower(long postId, long mediaId, java.nio.file.Path manifestPath, String platform, String title,
                           String caption) {
    }

    /** Every post that follows its clip's copy and has not started publishing, in one query, by clip. */
    public List<Follower> followers() {
        return jdbc.query("SELECT p.id, p.media_id, m.manifest_path, c.platform, p.title, p.caption FROM post p"
                + " JOIN media m ON m.id = p.media_id JOIN channel c ON c.id = p.channel_id WHERE p.state IN"
                + " ('queued', 'scheduled') AND p.step = 'upload' AND p.copy_edited = 0 ORDER BY p.media_id, p.id",
                rs -> new Follower(rs.getLong(1), rs.getLong(2), java.nio.file.Path.of(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6)));
    }

    /**
     * Gives each post its clip's copy, in one transaction, as {@link #followClip} does one clip at a time: only a post
     * that still follows its clip and has not started publishing changes. The number of posts changed.
     */
    public int takeCopies(java.util.Map<Long, ClipManifest.Copy> byPost) {
        if (byPost.isEmpty()) {
            return 0;
        }
        return jdbc.inTransaction(tx -> {
            int changed = 0;
            for (java.util.Map.Entry<Long, ClipManifest.Copy> e : byPost.entrySet()) {
                changed += tx.update("UPDATE post SET title = ?, caption = ? WHERE id = ? AND state IN ('queued',"
                        + " 'scheduled') AND step = 'upload' AND copy_edited = 0", e.getValue().title(),
                        e.getValue().text(), e.getKey());
            }
            return changed;
        });
    }

    /** The media of every post that follows its clip's copy and has not started publishing ({@link #followClip}). */
    public List<Long> mediaFollowingClips() {
        return jdbc.query("SELECT DISTINCT media_id FROM post WHERE state IN ('queued', 'scheduled') AND step = 'upload'"
                + " AND copy_edited = 0 ORDER BY media_id", rs -> rs.getLong(1));
    }
}
