package dev.tagline.publish.auth;

import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Database;
import dev.tagline.publish.store.Jdbc;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Sealed credentials per channel; only ciphertext and expiry times touch the database. Every write bumps the row's
 * {@code version}. A token refresh is coordinated across processes by a lease on the row ({@link #lease}) and a
 * compare-and-set on the version ({@link #replace}), so two workers never spend the same rotating refresh token.
 */
public final class CredentialStore {
    private final Jdbc jdbc;
    private final TokenVault vault;
    private final Clock clock;

    public CredentialStore(Database db, TokenVault vault, Clock clock) {
        this.jdbc = db.jdbc();
        this.vault = vault;
        this.clock = clock;
    }

    /** A credential and the row version it was read at. */
    public record Versioned(Credential credential, long version) {
    }

    /** Stores a credential (connect or reconnect), replacing any other and breaking a refresh lease on it. */
    public void put(Channel channel, Credential credential) {
        String sealed = vault.seal(channel.id(), credential);
        jdbc.inTransaction(tx -> {
            int n = tx.update("UPDATE credential SET sealed = ?, access_expires_at = ?, refresh_expires_at = ?,"
                            + " updated_at = ?, version = version + 1, refresh_owner = NULL, refresh_lease_until = NULL"
                            + " WHERE channel_id = ?", sealed, credential.accessExpiresAt(), credential.refreshExpiresAt(),
                    clock.instant(), channel.id());
            return n == 1 ? n : tx.update("INSERT INTO credential (channel_id, sealed, access_expires_at,"
                            + " refresh_expires_at, updated_at, version) VALUES (?, ?, ?, ?, ?, 1)", channel.id(), sealed,
                    credential.accessExpiresAt(), credential.refreshExpiresAt(), clock.instant());
        });
    }

    public Optional<Credential> get(Channel channel) {
        return read(channel).map(Versioned::credential);
    }

    public Optional<Versioned> read(Channel channel) {
        return jdbc.queryOne("SELECT sealed, version FROM credential WHERE channel_id = ?",
                rs -> new Versioned(vault.open(channel.id(), channel.name(), rs.getString(1)), rs.getLong(2)),
                channel.id());
    }

    /**
     * Takes the refresh lease of {@code channel} for {@code owner} until {@code until}, if the row is still at
     * {@code version} and nobody holds a live lease; true when taken. One conditional UPDATE: atomic on SQLite and
     * PostgreSQL alike.
     */
    public boolean lease(Channel channel, long version, String owner, Instant until) {
        return jdbc.update("UPDATE credential SET refresh_owner = ?, refresh_lease_until = ? WHERE channel_id = ?"
                        + " AND version = ? AND (refresh_lease_until IS NULL OR refresh_lease_until <= ?)", owner, until,
                channel.id(), version, clock.instant()) == 1;
    }

    /**
     * Writes a refreshed credential if {@code owner} still holds the lease and the row is still at {@code version};
     * bumps the version and frees the lease. False when the lease was lost (expired and taken, or a reconnect).
     */
    public boolean replace(Channel channel, long version, String owner, Credential next) {
        return jdbc.update("UPDATE credential SET sealed = ?, access_expires_at = ?, refresh_expires_at = ?,"
                        + " updated_at = ?, version = version + 1, refresh_owner = NULL, refresh_lease_until = NULL"
                        + " WHERE channel_id = ? AND version = ? AND refresh_owner = ?", vault.seal(channel.id(), next),
                next.accessExpiresAt(), next.refreshExpiresAt(), clock.instant(), channel.id(), version, owner) == 1;
    }

    /** Frees {@code owner}'s lease after a refresh that failed, so another process may try at once. */
    public void release(Channel channel, String owner) {
        jdbc.update("UPDATE credential SET refresh_owner = NULL, refresh_lease_until = NULL WHERE channel_id = ?"
                + " AND refresh_owner = ?", channel.id(), owner);
    }
}
