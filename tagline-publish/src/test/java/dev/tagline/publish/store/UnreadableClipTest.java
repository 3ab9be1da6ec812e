package dev.tagline.publish.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.config.TaglineHome;
import dev.tagline.publish.Publishing;
import dev.tagline.publish.TestClips;
import dev.tagline.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One media row whose stored clip details ({@code manifest_json}) could not be read failed every reader that met it
 * ("Publish database … failed: corrupt manifest_json", a 400 in the web app). Now only its own posts are broken, each
 * with a short reason, and they can still be cancelled.
 */
class UnreadableClipTest {
    @TempDir
    Path dir;
    Publishing p;
    Channel channel;
    Post good;
    Post bad;

    @BeforeEach
    void setUp() {
        p = Publishing.open("jdbc:sqlite:" + dir.resolve("p.db"), new TaglineHome(dir),
                new MutableClock(Instant.parse("2026-06-01T10:00:00Z")));
        channel = p.channels().add("c", "folder", "me", ZoneId.of("UTC"), Map.of());
        Media a = p.media().register(TestClips.clip(dir, "a", 0.5, 10));
        Media b = p.media().register(TestClips.clip(dir, "b", 0.6, 10));
        good = p.posts().queue(a, channel, a.manifest().copy());
        bad = p.posts().queue(b, channel, b.manifest().copy());
    }

    @AfterEach
    void tearDown() {
        p.close();
    }

    private void store(long mediaId, String json) {
        p.database().jdbc().update("UPDATE media SET manifest_json = ? WHERE id = ?", json, mediaId);
    }

    @Test
    void aPostWhoseClipDetailsAreUnreadableShowsAsBrokenAndTheOtherPostsStayReadable() {
        Map<String, String> cases = Map.of(
                "{}", "\"id\" is missing",
                "{\"schema\":\"tagline.clip\",\"version\":1,\"id\":\"b\",\"vid", "not valid JSON (cut short?)",
                "{\"schema\":\"tagline.clip\",\"version\":2,\"id\":\"b\",\"video\":\"clip.mp4\"}",
                "clip manifest version 2, this build reads version 1 (written by a newer tagline?)",
                "[1]", "not a JSON object");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            store(bad.mediaId(), c.getKey());
            UnreadableClipException e = assertThrows(UnreadableClipException.class,
                    () -> p.media().byId(bad.mediaId()), c.getKey());
            assertEquals(c.getValue(), e.reason(), c.getKey());
            assertEquals(Map.of(bad.id(), "clip details unreadable: " + c.getValue() + "; re-queue the clip or cancel"
                    + " the post"), p.brokenClips().posts(), c.getKey());
            assertEquals(p.brokenClips().posts(), p.brokenClips().lastFound(), "kept for the lean calendar events");
            assertEquals("a", p.media().byId(good.mediaId()).manifest().id(), "the other clip reads as before");
            assertEquals(dir.resolve("b/clip.json").toAbsolutePath(), p.media().manifestPath(bad.mediaId()));
        }
        store(bad.mediaId(), "[1]");
        assertTrue(e(() -> p.media().byId(bad.mediaId())).oneLine().startsWith("The clip details of media "
                + bad.mediaId() + " are unreadable: not a JSON object. Re-queue the clip"));
        assertEquals(PostState.CANCELLED, p.decisions().cancel(bad.id()).state(), "a broken post can be cancelled");
        assertEquals(Map.of(), p.brokenClips().posts(), "a cancelled post is no longer shown as broken");
    }

    @Test
    void reQueueingTheClipOrOpeningTheCalendarWithItsClipJsonReadableMendsTheRow() {
        store(bad.mediaId(), "{}");
        p.followClips(); // what opening the calendar does: the clip.json on disk is read and stored again
        assertEquals("b", p.media().byId(bad.mediaId()).manifest().id());
        assertEquals(Map.of(), p.brokenClips().posts());
        store(bad.mediaId(), "{}");
        p.media().register(dir.resolve("b"));
        assertEquals(Map.of(), p.brokenClips().posts(), "re-queueing stores the clip's details again");
    }

    private static UnreadableClipException e(Runnable r) {
        return assertThrows(UnreadableClipException.class, r::run);
    }
}
