package dev.tagline.publish.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.publish.PublishFixture;
import dev.tagline.publish.auth.Credential;
import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Post;
import dev.tagline.publish.store.PostState;
import dev.tagline.testkit.platform.FakeInstagram;
import dev.tagline.testkit.platform.FakeMediaHost;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstagramPublisherTest extends PublisherContract {
    FakeInstagram ig;
    FakeMediaHost cdn;

    @Override
    Channel setUpChannel(PublishFixture fixture, Path dir) {
        ig = new FakeInstagram(fixture.clock, "acct-ig");
        cdn = new FakeMediaHost();
        return fixture.channel("ig", "instagram", Map.of("api-base", ig.baseUrl(), "media-base-url", cdn.baseUrl()),
                Credential.secret(ig.grant(Duration.ofDays(60))));
    }

    /** The clip must be reachable before Instagram fetches it. */
    private Post due(String id) {
        Post post = f.due(channel, id, 5000);
        cdn.serve(post.id(), f.p.media().byId(post.mediaId()).videoPath());
        return post;
    }

    @Override
    @Test
    void publishesOnePostAndRecordsEveryCall() {
        Post post = due("clip1");
        assertEquals(1, f.run().count("PUBLISHED"));
        assertEquals(PostState.PUBLISHED, f.post(post.id()).state());
        assertTrue(f.post(post.id()).externalUrl().startsWith("https://www.instagram.com/reel/"));
        assertEquals(5000, ig.media().get(0).bytes(), "Instagram fetched the whole clip from the URL");
        assertTrue(f.p.attempts().of(post.id()).stream().noneMatch(a -> a.request().contains("IGQV")),
                "the token in the query string never reaches the attempt log");
    }

    @Override
    @Test
    void aLostAnswerToCreateNeverBecomesASecondPost() {
        Post post = due("clip1");
        ig.dropNextPublishResponse();
        f.run();
        assertEquals(PostState.UNCONFIRMED, f.post(post.id()).state());
        for (int i = 0; i < 3; i++) {
            f.clock.advance(Duration.ofMinutes(3));
            f.run();
        }
        assertEquals(1, ig.media().size());
        assertEquals(PostState.PUBLISHED, f.post(post.id()).state());
        assertEquals(ig.media().get(0).id(), f.post(post.id()).externalId(), "found by its caption");
    }

    @Override
    int postsOnPlatform() {
        return ig.media().size();
    }

    @Override
    void loseNextCreateAnswer() {
        ig.dropNextPublishResponse();
    }

    @Override
    void stopPlatform() {
        ig.close();
        cdn.close();
    }

    @Test
    void anUnreachableVideoUrlWaitsWithAHintAboutTheBaseUrlBeforeAnyContainer() {
        Post post = f.due(channel, "nowhere", 5000);
        f.run();
        assertEquals(PostState.SCHEDULED, f.post(post.id()).state(), "retried: 'tagline serve' may be down a moment");
        assertTrue(f.post(post.id()).lastError().contains("answered 404: is 'tagline serve' running"),
                f.post(post.id()).lastError());
        assertTrue(f.post(post.id()).lastError().contains("reachable at media-base-url " + cdn.baseUrl()),
                f.post(post.id()).lastError());
        assertEquals(0, postsOnPlatform());
        assertTrue(cdn.requests().stream().allMatch(r -> r.startsWith("HEAD ")), "Instagram was never sent the URL");
    }

    @Test
    void aVideoInstagramCannotFetchFailsWithAHintAboutTheBaseUrl() {
        Post post = due("blocked");
        cdn.failNext("GET", "/public/v/", 403, null, "{}"); // answers this server's HEAD, not Instagram's fetch
        f.run();
        assertEquals(PostState.FAILED, f.post(post.id()).state());
        assertTrue(f.post(post.id()).lastError().contains("media-base-url reachable"), f.post(post.id()).lastError());
    }

    @Test
    void theVideoUrlWasAPathNothingServed_nowInstagramFetchesThePostsLinkWithHeadFirst() {
        Post post = due("clip1");
        f.run();
        List<String> asked = cdn.requests();
        assertEquals(2, asked.size(), asked.toString());
        assertTrue(asked.get(0).matches("HEAD /public/v/" + post.id() + "-[A-Za-z0-9_-]{32}/clip\\.mp4"), asked.get(0));
        assertEquals("GET" + asked.get(0).substring(4), asked.get(1), "Instagram fetched the link that was checked");
    }

    @Test
    void theFiftyPerDayLimitWaitsInsteadOfFailing() {
        ig.publishingLimit(2);
        for (int i = 0; i < 3; i++) {
            due("c" + i);
        }
        f.run();
        assertEquals(2, ig.media().size());
        Post waiting = f.p.posts().inState(PostState.SCHEDULED).get(0);
        assertTrue(waiting.lastError().contains("publishing limit"), waiting.lastError());
        assertFalse(waiting.dueAt().isBefore(PublishFixture.T0.plus(Duration.ofHours(1))));
    }

    @Test
    void anExpiredTokenWithoutRefreshMarksTheChannelNeedsReconnect() {
        f.clock.advance(Duration.ofDays(61));
        Post post = due("late");
        f.p.posts().schedule(post.id(), post.scheduleVersion(), f.clock.instant(), Post.PlannedBy.USER);
        assertEquals(1, f.run().count("RECONNECT"));
        assertEquals(Channel.State.NEEDS_RECONNECT, f.p.channels().byId(channel.id()).state());
    }
}
