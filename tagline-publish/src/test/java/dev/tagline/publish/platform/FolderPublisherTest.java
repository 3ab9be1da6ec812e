package dev.tagline.publish.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.TaglineException;
import dev.tagline.publish.PublishFixture;
import dev.tagline.publish.TestClips;
import dev.tagline.publish.store.Media;
import dev.tagline.publish.store.PostState;
import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Post;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FolderPublisherTest extends PublisherContract {
    Path out;

    @Override
    Channel setUpChannel(PublishFixture fixture, Path dir) {
        out = dir.resolve("out");
        return fixture.channel("fold", "folder", Map.of("path", out.toString()), null);
    }

    @Override
    int postsOnPlatform() {
        try (Stream<Path> files = Files.walk(out)) {
            return (int) files.filter(p -> p.getFileName().toString().matches("[^.].*\\.json")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** A folder has no answer to lose; its interrupted creates are covered by the kill -9 test. */
    @Override
    void loseNextCreateAnswer() {
    }

    @Override
    void stopPlatform() {
    }

    @Override
    @Test
    void aLostAnswerToCreateNeverBecomesASecondPost() {
        Post post = f.due(channel, "clip1", 1000);
        f.run();
        assertEquals(1, postsOnPlatform());
        assertEquals(post.id(), f.post(post.id()).id());
    }

    @Test
    void writesTheClipItsCaptionAndAJsonIntoADateFolderInTheChannelsZone() throws Exception {
        Post post = f.due(channel, "talk-003", 1234);
        f.run();
        Path day = out.resolve("2026-06-01");
        String base = "talk-003-p" + post.id();
        assertEquals(1234, Files.size(day.resolve(base + ".mp4")));
        assertTrue(Files.readString(day.resolve(base + ".txt")).startsWith("Caption of talk-003"));
        String json = Files.readString(day.resolve(base + ".json"));
        assertTrue(json.contains("\"zone\" : \"Europe/Berlin\"") && json.contains("\"sha256\""), json);
        try (Stream<Path> left = Files.list(day)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no staging left");
        }
    }

    @Test
    void aClipWhoseVideoChangedSinceItWasRenderedFailsItsPostInsteadOfBeingPublished() throws Exception {
        Path clip = TestClips.rendered(dir.resolve("clips"), "talk-002", 0.5, 1000);
        Media media = f.p.media().register(clip);
        Post post = f.p.posts().queue(media, channel, media.manifest().copyFor(channel.platform()));
        f.p.posts().schedule(post.id(), post.scheduleVersion(), PublishFixture.T0, Post.PlannedBy.USER);
        Files.write(clip.resolve("clip.mp4"), new byte[0]); // a re-render that died after truncating the file
        Files.write(clip.resolve("talk.mp4"), new byte[] {1}); // the source video, where clip.json says it is
        f.run();
        Post after = f.post(post.id());
        assertEquals(PostState.FAILED, after.state());
        // the clip sits in clips/, not beside its video in talk.clips/: the advice says --out, or it renders elsewhere
        assertTrue(after.lastError().contains("The video of clip talk-002") && after.lastError().contains(
                "is empty (0 bytes)") && after.lastError().contains("tagline clips render "
                + dir.resolve("clips/talk-002/talk.mp4") + " --only 2 --out " + dir.resolve("clips")),
                after.lastError());
        assertEquals(0, postsOnPlatform());
    }

    /** Dogfood round 3: a copied clips folder got a re-render command for a source video that was not there. */
    @Test
    void theReRenderAdviceSaysWhenTheSourceVideoIsNotWhereTheClipSaysItIs() throws Exception {
        Path clip = TestClips.rendered(dir.resolve("clips"), "talk-002", 0.5, 1000);
        Files.write(clip.resolve("clip.mp4"), new byte[0]);
        TaglineException e = assertThrows(TaglineException.class, () -> f.p.media().register(clip));
        assertTrue(e.hint().startsWith("Re-render it from its source video talk.mp4, which is not at "
                + dir.resolve("clips/talk-002/talk.mp4") + " (the clips folder was copied or moved): 'tagline clips"
                + " render PATH/TO/talk.mp4 --only 2 --out " + dir.resolve("clips") + "'"), e.hint());
    }

    @Test
    void anEmptyVideoIsRefusedEvenWithoutARecordedSha256() throws Exception {
        Path clip = TestClips.clip(dir.resolve("clips"), "talk-005", 0.5, 1000); // another tool's clip.json
        Files.write(clip.resolve("clip.mp4"), new byte[0]);
        TaglineException e = assertThrows(TaglineException.class, () -> f.p.media().register(clip));
        assertTrue(e.getMessage().contains("is empty (0 bytes)"), e.getMessage());
    }

    @Test
    void queueingAClipWhoseVideoChangedSinceItWasRenderedIsRefused() throws Exception {
        Path clip = TestClips.rendered(dir.resolve("clips"), "talk-002", 0.5, 1000);
        Files.write(clip.resolve("clip.mp4"), new byte[10]);
        TaglineException e = assertThrows(TaglineException.class, () -> f.p.media().register(clip));
        assertTrue(e.getMessage().contains("(10 bytes), changed since it was rendered"), e.getMessage());
    }

    @Test
    void aSourceVideoDeletedAfterQueueingIsNamedAsMissingNotBlamedOnTheDestination() throws Exception {
        Post post = f.due(channel, "talk-004", 500);
        Files.delete(dir.resolve("clips/talk-004/clip.mp4"));
        f.run();
        Post after = f.post(post.id());
        assertEquals(PostState.FAILED, after.state());
        assertTrue(after.lastError().contains("The video of clip talk-004, " + dir.resolve("clips/talk-004/clip.mp4")
                + ", is missing"), after.lastError());
        assertFalse(after.lastError().contains("Cannot write into"), after.lastError());
    }
}
