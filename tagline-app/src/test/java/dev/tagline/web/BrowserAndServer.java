package dev.tagline.web;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every browser IT starts with: headless Chromium ({@link Browser}, skipped with an install hint when it is
 * missing) and a real server on a random port over a fresh database in {@link #dir} ({@link WebFixture}). Both start
 * before the subclass's own {@code @BeforeEach}, which seeds what its tests need, and close after each test.
 */
abstract class BrowserAndServer {
    @TempDir
    Path dir;
    WebFixture web;
    Browser browser;

    @BeforeEach
    void startBrowserAndServer() {
        browser = Browser.start();
        web = WebFixture.start(dir);
    }

    @AfterEach
    void closeBrowserAndServer() {
        if (browser != null) {
            browser.close();
        }
        if (web != null) {
            web.close();
        }
    }
}
