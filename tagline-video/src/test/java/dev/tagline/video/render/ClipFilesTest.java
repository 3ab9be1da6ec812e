package dev.tagline.video.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipFilesTest {
    @TempDir
    Path dir;

    /**
     * Dogfood round 8, K2: a re-run right after a kill kept the killed render's staged files (they were not yet 10
     * minutes old) beside the new clip for good. Now a staged set goes unless a render in progress holds its lock.
     */
    @Test
    void aKilledRendersRecentStagedFilesStayedBesideTheNewClip_nowTheyGoAndOnlyALiveRenderKeepsItsOwn()
            throws Exception {
        ClipFiles clip = ClipFiles.of(dir, dir.resolve("talk.mp4"), 3);
        Files.createDirectories(clip.dir());
        Path killed = clip.dir().resolve(".talk-003.mp4.tmp-4f2a.mp4");
        Path killedAss = clip.dir().resolve(".talk-003.ass.tmp-4f2a.ass");
        Path killedLock = clip.dir().resolve(".talk-003.lock.tmp-4f2a.lock");
        Path liveHere = clip.dir().resolve(".talk-003.mp4.tmp-77b1.mp4");
        Path liveElsewhere = clip.dir().resolve(".talk-003.mp4.tmp-9c0d.mp4");
        Path other = clip.dir().resolve(".talk-004.mp4.tmp-4f2a.mp4");
        Path kept = clip.dir().resolve("talk-003.mp4");
        for (Path p : new Path[] {killed, killedAss, killedLock, liveHere, liveElsewhere, other, kept}) {
            Files.writeString(p, "x");
        }
        Path elsewhereLock = clip.dir().resolve(".talk-003.lock.tmp-9c0d.lock");
        try (StagedSets.Held ignored = StagedSets.hold(new ClipFiles(clip.dir(), clip.id(), ".tmp-77b1"));
             FileChannel channel = FileChannel.open(elsewhereLock, StandardOpenOption.CREATE_NEW,
                     StandardOpenOption.WRITE);
             var lock = channel.lock()) {
            clip.create();
            assertTrue(Files.exists(liveHere), "a render under way in this JVM");
            assertTrue(Files.exists(liveElsewhere), "a render under way that holds its lock");
        }
        assertFalse(Files.exists(killed), "a killed render's leftover, however recent");
        assertFalse(Files.exists(killedAss), "all of its set");
        assertFalse(Files.exists(killedLock), "and its unheld lock");
        assertTrue(Files.exists(other), "another clip's files are its own business");
        assertTrue(Files.exists(kept), "the clip itself");
        assertFalse(Files.exists(clip.dir().resolve(".talk-003.lock.tmp-77b1.lock")), "a finished render's lock goes");
    }
}
