package dev.tagline.publish.store;

import dev.tagline.core.TaglineException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Channels: add, list, find by name, remove, and the {@code needs reconnect} state. */
public final class ChannelStore {
    private static final String COLUMNS = "id, name, platform, account, zone, state, state_reason, options_json, created_at";
    /** Between a removed channel's name and its id: not a character {@link #add} allows in a name. */
    private static final String REMOVED_MARK = "~";
    private final Jdbc jdbc;
    private final Clock clock;

    public ChannelStore(Database db, Clock clock) {
        this.jdbc = db.jdbc();
        this.clock = clock;
    }

    public Channel add(String name, String platform, String account, ZoneId zone, Map<String, String> options) {
        return add(name, platform, account, zone, options, Channel.State.ACTIVE, null);
    }

    /** Adds a channel in {@code state} ({@link Channel.State#NEEDS_CONNECT} for one that has no tokens yet). */
    public Channel add(String name, String platform, String account, ZoneId zone, Map<String, String> options,
                       Channel.State state, String reason) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new TaglineException("Channel name '" + name + "' is not allowed",
                    "Use letters, digits, '.', '_' or '-' (at most 64), e.g. yt-main.");
        }
        if (find(name).isPresent()) {
            throw new TaglineException("Channel '" + name + "' already exists",
                    "Pick another name, or remove it first with 'tagline publish channels remove " + name + "'.");
        }
        long id = jdbc.insert("INSERT INTO channel (name, platform, account, zone, state, state_reason, options_json,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", name, platform.toLowerCase(Locale.ROOT),
                account, zone.getId(), state, reason, JsonMaps.write(options), clock.instant());
        return byId(id);
    }

    /** The channels in use, by name; removed ones are left out. */
    public List<Channel> list() {
        return jdbc.query("SELECT " + COLUMNS + " FROM channel WHERE state <> 'removed' ORDER BY name",
                ChannelStore::map);
    }

    /** Every channel a post can name, removed ones (as {@code NAME (removed)}) included: for showing posts. */
    public List<Channel> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM channel ORDER BY name", ChannelStore::map);
    }

    public Optional<Channel> find(String name) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM channel WHERE name = ? AND state <> 'removed'",
                ChannelStore::map, name);
    }

    /** The channel called {@code name}; the error lists the channels that exist. */
    public Channel byName(String name) {
        return find(name).orElseThrow(() -> new TaglineException("No channel named '" + name + "'",
                list().isEmpty() ? "Add one with 'tagline publish channels add NAME --platform …'."
                        : "Known channels: " + list().stream().map(Channel::name).collect(Collectors.joining(", "))
                                + "."));
    }

    public Channel byId(long id) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM channel WHERE id = ?", ChannelStore::map, id)
                .orElseThrow(() -> new TaglineException("No channel with id " + id, ""));
    }

    /**
     * Removes the channel with its rule, credential and unpublished posts; refuses while a post is being published.
     * Published posts and their attempts stay: a channel that has some is kept as {@link Channel.State#REMOVED} under
     * the name {@code NAME~ID} (a name {@link #add} never accepts, so NAME is free again).
     */
    public Removal remove(String name) {
        Channel channel = byName(name);
        return jdbc.inTransaction(tx -> {
            int busy = tx.query("SELECT COUNT(*) FROM post WHERE channel_id = ? AND state IN ('publishing',"
                    + " 'unconfirmed')", rs -> rs.getInt(1), channel.id()).get(0);
            if (busy > 0) {
                throw new TaglineException("Channel '" + name + "' has " + busy + " post(s) publishing or unconfirmed",
                        "Wait for them to finish ('tagline publish status') before removing the channel.");
            }
            tx.update("DELETE FROM attempt WHERE post_id IN (SELECT id FROM post WHERE channel_id = ?"
                    + " AND state <> 'published')", channel.id());
            int dropped = tx.update("DELETE FROM post WHERE channel_id = ? AND state <> 'published'", channel.id());
            tx.update("DELETE FROM posting_rule WHERE channel_id = ?", channel.id());
            tx.update("DELETE FROM credential WHERE channel_id = ?", channel.id());
            int published = tx.query("SELECT COUNT(*) FROM post WHERE channel_id = ?", rs -> rs.getInt(1),
                    channel.id()).get(0);
            if (published == 0) {
                tx.update("DELETE FROM channel WHERE id = ?", channel.id());
            } else {
                tx.update("UPDATE channel SET name = ?, state = ?, state_reason = ? WHERE id = ?",
                        channel.name() + REMOVED_MARK + channel.id(), Channel.State.REMOVED,
                        "removed " + clock.instant(), channel.id());
            }
            return new Removal(published, dropped);
        });
    }

    /** What {@link #remove} did: published posts kept on record, unpublished ones (queued, scheduled, failed) deleted. */
    public record Removal(int keptPublished, int deletedUnpublished) {
    }

    /** Replaces the options of channel {@code channelId}; the caller validated them as at add time. */
    public Channel setOptions(long channelId, Map<String, String> options) {
        jdbc.update("UPDATE channel SET options_json = ? WHERE id = ?", JsonMaps.write(options), channelId);
        return byId(channelId);
    }

    public void setState(long channelId, Channel.State state, String reason) {
        jdbc.update("UPDATE channel SET state = ?, state_reason = ? WHERE id = ?", state, reason, channelId);
    }

    static Channel map(ResultSet rs) throws SQLException {
        String name = rs.getString("name");
        int mark = name.lastIndexOf(REMOVED_MARK);
        if ("removed".equals(rs.getString("state")) && mark > 0) {
            name = name.substring(0, mark) + " (removed)";
        }
        return new Channel(rs.getLong("id"), name, rs.getString("platform"), rs.getString("account"),
                ZoneId.of(rs.getString("zone")), Channel.State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)),
                rs.getString("state_reason"), JsonMaps.read(rs.getString("options_json")),
                Jdbc.instant(rs, "created_at"));
    }
}
