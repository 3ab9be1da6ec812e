package dev.tagline.publish.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.publish.PublishFixture;
import dev.tagline.publish.auth.Credential;
import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Post;
import dev.tagline.publish.store.PostState;
import dev.tagline.testkit.platform.FakeYouTube;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YouTubePublisherTest extends PublisherContract {
    FakeYouTube yt;

    @Override
    Channel setUpChannel(PublishFixture fixture, Path dir) {
        yt = new FakeYouTube(fixture.clock, "client-1", "secret-1");
        String access = yt.oauth().grant("rt-1", Duration.ofHours(1));
        return fixture.channel("yt", "youtube", Map.of("api-base", yt.baseUrl(), "token-url", yt.baseUrl() + "/token",
                        "chunk-kib", "256"),
                new Credential("client-1", "secret-1", access, "rt-1", fixture.clock.instant().plus(Duration.ofHours(1)),
                        null));
    }

    @Override
    int postsOnPlatform() {
        return yt.videos().size();
    }

    @Override
    void loseNextCreateAnswer() {
        yt.dropNextFinalResponse();
    }

    @Override
    void stopPlatform() {
        yt.close();
    }

    @Test
    void uploadsInQuarterMebibyteChunksAndTheVideoIsWhole() {
        Post post = f.due(channel, "clip1", 1_000_000);
        f.run();
        assertEquals(1_000_000, yt.videos().get(0).bytes());
        assertEquals("private", yt.videos().get(0).privacyStatus());
        long puts = f.p.attempts().of(post.id()).stream().filter(a -> a.request().startsWith("PUT")).count();
        assertTrue(puts >= 4, "four chunks of ≤ 256 KiB: " + puts);
    }

    @Test
    void aFailedMiddleChunkResumesFromTheSessionOffsetLater() {
        Post post = f.due(channel, "clip1", 1_000_000);
        yt.failNext("PUT", "/upload/youtube/v3/videos", 503, null, "{}");
        f.run();
        Post waiting = f.post(post.id());
        assertEquals(PostState.SCHEDULED, waiting.state());
        assertEquals(Post.Step.UPLOAD, waiting.step());
        f.clock.set(waiting.dueAt());
        f.run();
        assertEquals(PostState.PUBLISHED, f.post(post.id()).state());
        assertEquals(1, yt.videos().size());
        assertEquals(1_000_000, yt.videos().get(0).bytes());
    }

    @Test
    void anExpiredAccessTokenIsRefreshedAndARevokedOneNeedsReconnect() {
        f.clock.advance(Duration.ofHours(2));
        Post first = f.due(channel, "clip1", 300_000);
        f.run();
        assertEquals(PostState.PUBLISHED, f.post(first.id()).state());
        assertEquals(1, yt.oauth().refreshCount());

        yt.oauth().revoke("rt-1");
        f.clock.advance(Duration.ofHours(2));
        Post second = f.due(channel, "clip2", 300_000);
        f.p.posts().schedule(second.id(), second.scheduleVersion(), f.clock.instant(), Post.PlannedBy.USER);
        assertEquals(1, f.run().count("RECONNECT"));
        assertEquals(Channel.State.NEEDS_RECONNECT, f.p.channels().byId(channel.id()).state());
        assertTrue(f.p.channels().byId(channel.id()).stateReason().contains("invalid_grant"));
        assertEquals(PostState.SCHEDULED, f.post(second.id()).state());
    }

    @Test
    void aTooLongTitleFailsWithYouTubesReason() {
        Post post = f.due(channel, "clip1", 1000);
        // the title edited on the calendar (the clip's own copy would replace anything else before the upload)
        f.p.copies().editCopy(post.id(), "x".repeat(101) + "<", post.caption());
        f.run();
        assertEquals(PostState.PUBLISHED, f.post(post.id()).state(), "the adapter trims to 100 and strips < >");
    }

    @Test
    void theDailyQuotaWaitsForMidnightPacific() {
        for (int i = 0; i < 7; i++) {
            f.due(channel, "clip" + i, 1000);
        }
        f.run();
        assertEquals(6, yt.videos().size(), "10,000 units / 1,600 per upload");
        java.util.List<Post> left = f.p.posts().inState(PostState.SCHEDULED);
        assertEquals(1, left.size());
        Post waiting = left.get(0);
        assertTrue(waiting.lastError().contains("quota"), waiting.lastError());
        Instant midnightPacific = Instant.parse("2026-06-02T07:00:00Z");
        assertFalse(waiting.dueAt().isBefore(midnightPacific), waiting.dueAt().toString());
    }
}
