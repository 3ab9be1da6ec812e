package dev.tagline.publish.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Heartbeats of the publish workers ({@code tagline publish run}): each one writes its row once a poll and marks it
 * stopped when it ends cleanly, so anyone reading the database (the web app) can tell whether a due post will be
 * picked up. A worker that died keeps its last {@code seen_at}; it counts as gone once that is older than
 * {@link #ALIVE_POLLS} polls (at least {@link #ALIVE_AT_LEAST}).
 */
public final class WorkerStore {
    static final int ALIVE_POLLS = 3;
    static final Duration ALIVE_AT_LEAST = Duration.ofSeconds(30);
    private final Jdbc jdbc;

    public WorkerStore(Database db) {
        this.jdbc = db.jdbc();
    }

    /** The last heartbeat of one worker; {@code stoppedAt} is null while it runs. */
    public record Beat(String name, Instant startedAt, Instant seenAt, Duration poll, Instant stoppedAt) {
        /** Whether this worker is running at {@code now}: not stopped, and seen within a few polls. */
        public boolean aliveAt(Instant now) {
            Duration grace = poll.multipliedBy(ALIVE_POLLS);
            return stoppedAt == null && !seenAt.plus(grace.compareTo(ALIVE_AT_LEAST) < 0 ? ALIVE_AT_LEAST : grace)
                    .isBefore(now);
        }
    }

    /** Records that worker {@code name} (started at {@code startedAt}, polling every {@code poll}) is running. */
    public void beat(String name, Instant startedAt, Duration poll, Instant now) {
        jdbc.inTransaction(tx -> {
            int n = tx.update("UPDATE worker SET started_at = ?, seen_at = ?, poll_ms = ?, stopped_at = NULL"
                    + " WHERE name = ?", startedAt, now, poll.toMillis(), name);
            if (n == 0) {
                tx.update("INSERT INTO worker (name, started_at, seen_at, poll_ms) VALUES (?, ?, ?, ?)", name,
                        startedAt, now, poll.toMillis());
            }
            return null;
        });
    }

    /** Records that worker {@code name} stopped cleanly at {@code now}. */
    public void stopped(String name, Instant now) {
        jdbc.update("UPDATE worker SET seen_at = ?, stopped_at = ? WHERE name = ?", now, now, name);
    }

    /** The worker seen last: a running one if any runs at {@code now}, else the one seen most recently. */
    public Optional<Beat> latest(Instant now) {
        var beats = jdbc.query("SELECT name, started_at, seen_at, poll_ms, stopped_at FROM worker ORDER BY seen_at DESC",
                rs -> new Beat(rs.getString(1), Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "seen_at"),
                        Duration.ofMillis(rs.getLong(4)), Jdbc.instant(rs, "stopped_at")));
        return beats.stream().filter(b -> b.aliveAt(now)).findFirst().or(() -> beats.stream().findFirst());
    }
}
