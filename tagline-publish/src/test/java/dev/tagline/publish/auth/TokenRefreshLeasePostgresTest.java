package dev.tagline.publish.auth;

import dev.tagline.publish.store.TempPostgres;
import java.nio.file.Path;

/** On a throwaway PostgreSQL cluster; skipped without the server. */
class TokenRefreshLeasePostgresTest extends TokenRefreshLeaseContract {
    @Override
    String url(Path dir) {
        return TempPostgres.newDatabaseUrl();
    }
}
