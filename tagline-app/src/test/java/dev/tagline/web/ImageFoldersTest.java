package dev.tagline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.testkit.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFoldersTest {
    @TempDir
    Path dir;

    private final AtomicInteger walks = new AtomicInteger();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ImageFolders folders = new ImageFolders(clock, d -> {
        walks.incrementAndGet();
        return new Dataset(d).hasImages();
    });

    /**
     * The Datasets page walked every media folder without images (a big video tree) in full on every load, to grey it
     * out in the switcher. Now the answer is remembered: a second load does not walk the folder again.
     */
    @Test
    void aFolderWithoutImagesWasWalkedOnEveryLoad_nowASecondLoadDoesNotWalkItAgain() throws IOException {
        Files.createDirectories(dir.resolve("talks/2024"));
        Files.writeString(dir.resolve("talks/2024/talk.mp4"), "not an image");
        assertFalse(folders.holdsImages(dir));
        clock.advance(Duration.ofSeconds(5));
        assertFalse(folders.holdsImages(dir));
        assertFalse(folders.holdsImages(dir));
        assertEquals(1, walks.get(), "one walk for three loads");
    }

    /** An image added directly in the folder changes its modification time: the next load walks and sees it. */
    @Test
    void anImageAddedInTheFolderIsSeenOnTheNextLoad() throws IOException {
        Files.writeString(dir.resolve("talk.mp4"), "not an image");
        assertFalse(folders.holdsImages(dir));
        Files.writeString(dir.resolve("a.png"), "png");
        Files.setLastModifiedTime(dir, FileTime.from(Instant.now().plusSeconds(2)));
        assertTrue(folders.holdsImages(dir));
        assertEquals(2, walks.get());
    }

    /**
     * An image added in a sub-folder leaves the folder's own modification time as it is: it is seen once the answer is
     * older than {@link ImageFolders#FOR}, or at once when the folder's gallery lists it.
     */
    @Test
    void anImageAddedDeeperIsSeenOnceTheAnswerIsOldOrTheGalleryListsIt() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("10_x"));
        assertFalse(folders.holdsImages(dir));
        Files.writeString(sub.resolve("a.png"), "png");
        assertFalse(folders.holdsImages(dir), "still the remembered answer");
        clock.advance(ImageFolders.FOR);
        assertTrue(folders.holdsImages(dir));
        assertEquals(2, walks.get());

        Files.delete(sub.resolve("a.png"));
        folders.found(dir, false);
        assertFalse(folders.holdsImages(dir), "the gallery's listing stands for a new answer");
        assertEquals(2, walks.get());
    }
}
