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
    private final Jdbc jdbc;
    private final Clock clock;

    public ChannelStore(Database db, Clock clock) {
        this.jdbc = db.jdbc();
        this.clock = clock;
    }

    public Channel add(String name, String platform, String account, ZoneId zone, Map<String, String> options) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new TaglineException("Channel name '" + name + "' is not allowed",
                    "Use letters, digits, '.', '_' or '-' (at most 64), e.g. yt-main.");
        }
        if (find(name).isPresent()) {
            throw new TaglineException("Channel '" + name + "' already exists",
                    "Pick another name, or remove it first with 'tagline publish channels remove " + name + "'.");
        }
        long id = jdbc.insert("INSERT INTO channel (name, platform, account, zone, state, options_json, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)", name, platform.toLowerCase(Locale.ROOT), account,
                zone.getId(), Channel.State.ACTIVE, JsonMaps.write(options), clock.instant());
        return byId(id);
    }

    public List<Channel> list() {
        return jdbc.query("SELECT " + COLUMNS + " FROM channel ORDER BY name", ChannelStore::map);
    }

    public Optional<Channel> find(String name) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM channel WHERE name = ?", ChannelStore::map, name);
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

    /** Removes the channel with its rules and unpublished posts; refuses while a post is being published. */
    public void remove(String name) {
        Channel channel = byName(name);
        jdbc.inTransaction(tx -> {
            int busy = tx.query("SELECT COUNT(*) FROM post WHERE channel_id = ? AND state IN ('publishing',"
                    + " 'unconfirmed')", rs -> rs.getInt(1), channel.id()).get(0);
            if (busy > 0) {
                throw new TaglineException("Channel '" + name + "' has " + busy + " post(s) publishing or unconfirmed",
                        "Wait for them to finish ('tagline publish status') before removing the channel.");
            }
            tx.update("DELETE FROM attempt WHERE post_id IN (SELECT id FROM post WHERE channel_id = ?)", channel.id());
            tx.update("DELETE FROM post WHERE channel_id = ?", channel.id());
            tx.update("DELETE FROM posting_rule WHERE channel_id = ?", channel.id());
            tx.update("DELETE FROM credential WHERE channel_id = ?", channel.id());
            return tx.update("DELETE FROM channel WHERE id = ?", channel.id());
        });
    }

    public void setState(long channelId, Channel.State state, String reason) {
        jdbc.update("UPDATE channel SET state = ?, state_reason = ? WHERE id = ?", state, reason, channelId);
    }

    static Channel map(ResultSet rs) throws SQLException {
        return new Channel(rs.getLong("id"), rs.getString("name"), rs.getString("platform"), rs.getString("account"),
                ZoneId.of(rs.getString("zone")), Channel.State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)),
                rs.getString("state_reason"), JsonMaps.read(rs.getString("options_json")),
                Jdbc.instant(rs, "created_at"));
    }
}
