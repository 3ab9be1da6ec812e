package dev.tagline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.TaglineException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobKindsTest {
    @TempDir
    Path dir;

    @Test
    void aJobTakesOnlyRealFilesInsideTheMediaFolder() throws Exception {
        Path media = Files.createDirectories(dir.resolve("media"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("talk.mp4"), "x");
        Files.createDirectories(media.resolve("talks"));
        Files.writeString(media.resolve("talks/keynote.mp4"), "x");
        Files.createSymbolicLink(media.resolve("link"), outside);
        Files.createSymbolicLink(media.resolve("talks/alias.mp4"), media.resolve("talks/keynote.mp4"));
        Files.writeString(Files.createDirectories(media.resolve(".private")).resolve("a.mp4"), "x");

        assertEquals(media.resolve("talks/keynote.mp4"), JobKinds.inside(media, "talks/keynote.mp4"));
        assertEquals(media.resolve("talks/alias.mp4"), JobKinds.inside(media, "talks/alias.mp4"), "a link inside");
        for (String bad : new String[] {"link/talk.mp4", "../outside/talk.mp4", ".private/a.mp4", "talks",
                "talks/missing.mp4", "", "/etc/passwd"}) {
            TaglineException e = assertThrows(TaglineException.class, () -> JobKinds.inside(media, bad), bad);
            assertTrue(e.getMessage().startsWith("No file '" + bad + "' inside the media folder"), e.getMessage());
        }
    }
}
