package dev.tagline.publish.auth;

import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Database;
import dev.tagline.publish.store.Jdbc;
import java.time.Clock;
import java.util.Optional;

/** Sealed credentials per channel; only ciphertext and expiry times touch the database. */
public final class CredentialStore {
    private final Jdbc jdbc;
    private final TokenVault vault;
    private final Clock clock;

    public CredentialStore(Database db, TokenVault vault, Clock clock) {
        this.jdbc = db.jdbc();
        this.vault = vault;
        this.clock = clock;
    }

    public void put(Channel channel, Credential credential) {
        String sealed = vault.seal(channel.id(), credential);
        jdbc.inTransaction(tx -> {
            tx.update("DELETE FROM credential WHERE channel_id = ?", channel.id());
            return tx.update("INSERT INTO credential (channel_id, sealed, access_expires_at, refresh_expires_at,"
                            + " updated_at) VALUES (?, ?, ?, ?, ?)", channel.id(), sealed, credential.accessExpiresAt(),
                    credential.refreshExpiresAt(), clock.instant());
        });
    }

    public Optional<Credential> get(Channel channel) {
        return jdbc.queryOne("SELECT sealed FROM credential WHERE channel_id = ?", rs -> rs.getString(1), channel.id())
                .map(sealed -> vault.open(channel.id(), channel.name(), sealed));
    }
}
