package dev.tagline.publish.store;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Posts waiting to be sent (queued or scheduled) whose clip's stored details ({@code manifest_json}) cannot be read:
 * the calendar, {@code publish list} and {@code publish status} mark them broken with {@link
 * UnreadableClipException#marker}, and a run fails them with the same line. A row found readable is not parsed again
 * while its text is unchanged. Thread-safe: the web server's requests share one.
 */
public final class BrokenClips {
    private final Jdbc jdbc;
    /** Media whose stored clip details were read fine, by the hash of that text. */
    private final Map<Long, Integer> readable = new ConcurrentHashMap<>();
    private volatile Map<Long, String> lastPosts = Map.of();

    public BrokenClips(Database db) {
        this.jdbc = db.jdbc();
    }

    /**
     * The media of queued or scheduled posts whose stored clip details cannot be read, with the short reason
     * ({@link UnreadableClipException#reason}). One query over those media rows.
     */
    public Map<Long, String> media() {
        Map<Long, String> out = new TreeMap<>();
        jdbc.query("SELECT id, manifest_json FROM media WHERE id IN (SELECT media_id FROM post WHERE state IN"
                + " ('queued', 'scheduled'))", rs -> {
                    long id = rs.getLong(1);
                    String json = rs.getString(2);
                    Integer known = readable.get(id);
                    if (known == null || json == null || known != json.hashCode()) {
                        try {
                            StoredManifest.read(id, json);
                            readable.put(id, json.hashCode());
                        } catch (UnreadableClipException e) {
                            readable.remove(id);
                            out.put(id, e.reason());
                        }
                    }
                    return id;
                });
        return out;
    }

    /**
     * Each queued or scheduled post whose clip's stored details cannot be read, with the line it shows
     * ({@link UnreadableClipException#marker}); one query when there is none. Also kept as {@link #lastFound}.
     */
    public Map<Long, String> posts() {
        Map<Long, String> media = media();
        Map<Long, String> out = new TreeMap<>();
        if (!media.isEmpty()) {
            jdbc.query("SELECT id, media_id FROM post WHERE state IN ('queued', 'scheduled') AND media_id IN ("
                    + String.join(", ", Collections.nCopies(media.size(), "?")) + ")",
                    rs -> out.put(rs.getLong(1), UnreadableClipException.marker(media.get(rs.getLong(2)))),
                    media.keySet().toArray());
        }
        lastPosts = Map.copyOf(out);
        return lastPosts;
    }

    /**
     * What {@link #posts} found last, without a query: for the calendar's lean events, so a month of 10,000 posts stays
     * one query; the page, its Unscheduled list and a post's detail each call {@link #posts} and so refresh it. A post
     * that has left the queued and scheduled states since may still be in it: check its state.
     */
    public Map<Long, String> lastFound() {
        return lastPosts;
    }
}
