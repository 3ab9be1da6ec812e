package dev.tagline.publish.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The audit trail: every call made to a platform, with its response code and outcome. Never holds secrets. */
public final class AttemptLog {
    private final Jdbc jdbc;

    public AttemptLog(Database db) {
        this.jdbc = db.jdbc();
    }

    /** One call to a platform. {@code request} is {@code METHOD URL} without query secrets; status null = no answer. */
    public record Attempt(long postId, Instant at, String worker, String step, String request, Integer status,
                          String outcome, String detail, Duration duration) {
    }

    public void record(Attempt a) {
        jdbc.update("INSERT INTO attempt (post_id, at, worker, step, request, status, outcome, detail, duration_ms)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", a.postId(), a.at(), a.worker(), a.step(), a.request(),
                a.status(), a.outcome(), a.detail(), a.duration().toMillis());
    }

    /**
     * Records a call before it is made (outcome {@code in-flight}), for the one call whose answer a killed worker
     * could lose (dogfood round 8 K14: the create POST was missing from the audit of a post whose worker was killed
     * during it); {@link #finish} fills in the answer. Returns the row's id.
     */
    public long begin(Attempt a) {
        return jdbc.insert("INSERT INTO attempt (post_id, at, worker, step, request, status, outcome, detail,"
                        + " duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", a.postId(), a.at(), a.worker(), a.step(),
                a.request(), a.status(), a.outcome(), a.detail(), a.duration().toMillis());
    }

    /** The answer to a call {@link #begin} recorded. */
    public void finish(long id, Integer status, String outcome, String detail, Duration duration) {
        jdbc.update("UPDATE attempt SET status = ?, outcome = ?, detail = ?, duration_ms = ? WHERE id = ?", status,
                outcome, detail, duration.toMillis(), id);
    }

    public List<Attempt> of(long postId) {
        return jdbc.query("SELECT * FROM attempt WHERE post_id = ? ORDER BY at, id", rs -> {
            int status = rs.getInt("status");
            Integer boxed = rs.wasNull() ? null : status;
            return new Attempt(rs.getLong("post_id"), Jdbc.instant(rs, "at"), rs.getString("worker"),
                    rs.getString("step"), rs.getString("request"), boxed, rs.getString("outcome"),
                    rs.getString("detail"), Duration.ofMillis(rs.getLong("duration_ms")));
        }, postId);
    }
}
