package dev.tagline.publish.store;

import java.nio.file.Path;

class SqliteStoreTest extends StoreContract {
    @Override
    String url(Path dir) {
        return "jdbc:sqlite:" + dir.resolve("sub/publish.db");
    }
}
