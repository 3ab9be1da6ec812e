package dev.tagline.publish.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Posts as a calendar shows them: lean slots read by time, a month of 10,000 at once. */
public final class CalendarSlots {
    private final Jdbc jdbc;

    public CalendarSlots(Database db) {
        this.jdbc = db.jdbc();
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
}
