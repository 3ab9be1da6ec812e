package dev.tagline.video.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipFilesTest {
    @TempDir
    Path dir;

    @Test
    void aKilledRendersStagedFilesGoWhenTheClipIsRenderedAgainButARecentOneStays() throws Exception {
        ClipFiles clip = ClipFiles.of(dir, dir.resolve("talk.mp4"), 3);
        Files.createDirectories(clip.dir());
        Path stale = clip.dir().resolve(".talk-003.mp4.tmp-4f2a.mp4");
        Path live = clip.dir().resolve(".talk-003.mp4.tmp-77b1.mp4");
        Path other = clip.dir().resolve(".talk-004.mp4.tmp-4f2a.mp4");
        Path kept = clip.dir().resolve("talk-003.mp4");
        for (Path p : new Path[] {stale, live, other, kept}) {
            Files.writeString(p, "x");
        }
        FileTime old = FileTime.from(Instant.now().minus(ClipFiles.STALE).minus(Duration.ofMinutes(1)));
        Files.setLastModifiedTime(stale, old);
        Files.setLastModifiedTime(other, old);
        Files.setLastModifiedTime(kept, old);
        clip.create();
        assertFalse(Files.exists(stale), "a killed render's leftover");
        assertTrue(Files.exists(live), "a render in progress writes on: recent");
        assertTrue(Files.exists(other), "another clip's files are its own business");
        assertTrue(Files.exists(kept), "the clip itself");
    }
}
