package dev.tagline.publish.store;

import java.nio.file.Path;

/** The store contract on a throwaway PostgreSQL cluster ({@link TempPostgres}); skipped without the server. */
class PostgresStoreTest extends StoreContract {
    @Override
    String url(Path dir) {
        return TempPostgres.newDatabaseUrl();
    }
}
