package dev.tagline.publish.auth;

import java.nio.file.Path;

class TokenRefreshLeaseSqliteTest extends TokenRefreshLeaseContract {
    @Override
    String url(Path dir) {
        return "jdbc:sqlite:" + dir.resolve("publish.db");
    }
}
