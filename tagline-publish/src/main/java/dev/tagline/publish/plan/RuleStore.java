package dev.tagline.publish.plan;

import dev.tagline.publish.store.Database;
import dev.tagline.publish.store.Jdbc;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Posting rules, one per channel. */
public final class RuleStore {
    private final Jdbc jdbc;
    private final Clock clock;

    public RuleStore(Database db, Clock clock) {
        this.jdbc = db.jdbc();
        this.clock = clock;
    }

    public void set(long channelId, PostingRule rule) {
        jdbc.inTransaction(tx -> {
            tx.update("DELETE FROM posting_rule WHERE channel_id = ?", channelId);
            return tx.update("INSERT INTO posting_rule (channel_id, days, times, per_day, per_week,"
                            + " min_spacing_minutes, blackouts, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    channelId, rule.daysText(), rule.timesText(), rule.perDay(), rule.perWeek(),
                    rule.minSpacing().toMinutes(), rule.blackoutsText(), clock.instant());
        });
    }

    public Optional<PostingRule> find(long channelId) {
        return jdbc.queryOne("SELECT * FROM posting_rule WHERE channel_id = ?", rs -> new PostingRule(
                PostingRule.parseDays(rs.getString("days")), PostingRule.parseTimes(rs.getString("times")),
                rs.getInt("per_day"), rs.getInt("per_week"), Duration.ofMinutes(rs.getLong("min_spacing_minutes")),
                PostingRule.parseDates(rs.getString("blackouts"))), channelId);
    }
}
