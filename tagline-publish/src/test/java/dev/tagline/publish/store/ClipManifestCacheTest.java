package dev.tagline.publish.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.TaglineException;
import dev.tagline.core.manifest.ClipManifest;
import dev.tagline.core.manifest.ClipManifests;
import dev.tagline.publish.TestClips;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipManifestCacheTest {
    @TempDir
    Path dir;

    private Path clip(String id) {
        return TestClips.clip(dir, id, 0.5, 10).resolve("clip.json");
    }

    /** The calendar parsed every clip.json on every open; an unchanged file is now taken from the cache. */
    @Test
    void anUnchangedClipJsonWasParsedOnEveryRead_nowOnceUntilItChanges() throws Exception {
        ClipManifestCache cache = new ClipManifestCache(10);
        Path json = clip("a");
        assertTrue(cache.read(json).parsed());
        ClipManifestCache.Read again = cache.read(json);
        assertFalse(again.parsed());
        assertEquals("Title of a", again.manifest().copy().title());
        assertEquals(1, cache.parses());

        ClipManifest m = ClipManifests.read(json);
        FileTime before = Files.getLastModifiedTime(json);
        ClipManifests.write(json, new ClipManifest(m.schema(), m.version(), m.id(), m.video(), m.source(),
                m.durationSeconds(), m.width(), m.height(), m.score(), true, new ClipManifest.Copy("Title of b", // same size
                "Caption of a", List.of("tagline")), m.variants(), m.render()));
        Files.setLastModifiedTime(json, FileTime.fromMillis(before.toMillis() + 1000));
        ClipManifestCache.Read changed = cache.read(json);
        assertTrue(changed.parsed(), "a changed file is parsed again");
        assertEquals("Title of b", changed.manifest().copy().title());
        assertEquals(2, cache.parses());
    }

    @Test
    void aFileThatGrewIsReadAgainEvenWithTheSameModificationTime() throws Exception {
        ClipManifestCache cache = new ClipManifestCache(10);
        Path json = clip("a");
        cache.read(json);
        FileTime before = Files.getLastModifiedTime(json);
        Files.writeString(json, Files.readString(json).replace("Title of a", "A longer title of a"));
        Files.setLastModifiedTime(json, before);
        assertEquals("A longer title of a", cache.read(json).manifest().copy().title());
    }

    @Test
    void keepsAtMostItsCapacityLeastRecentlyUsedOutFirst() {
        ClipManifestCache cache = new ClipManifestCache(2);
        Path a = clip("a");
        Path b = clip("b");
        Path c = clip("c");
        cache.read(a);
        cache.read(b);
        cache.read(a); // a is now the most recently used
        cache.read(c); // b goes
        assertEquals(3, cache.parses());
        assertFalse(cache.read(a).parsed());
        assertTrue(cache.read(b).parsed(), "evicted");
    }

    @Test
    void aClipJsonThatIsGoneIsForgottenAndNamedInTheError() throws Exception {
        ClipManifestCache cache = new ClipManifestCache(10);
        Path json = clip("a");
        cache.read(json);
        Files.delete(json);
        TaglineException e = assertThrows(TaglineException.class, () -> cache.read(json));
        assertTrue(e.getMessage().contains(json.toString()), e.getMessage());
        clip("a");
        assertTrue(cache.read(json).parsed(), "not served from before it went");
    }
}
