package dev.tagline.publish.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.publish.PublishFixture;
import dev.tagline.publish.auth.Credential;
import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Post;
import dev.tagline.publish.store.PostState;
import dev.tagline.testkit.platform.FakeX;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XPublisherTest extends PublisherContract {
    FakeX x;

    @Override
    Channel setUpChannel(PublishFixture fixture, Path dir) {
        x = new FakeX(fixture.clock, "acct-x", "cid", "cs");
        String access = x.oauth().grant("rt", Duration.ofHours(2));
        return fixture.channel("x", "x", Map.of("api-base", x.baseUrl(), "token-url", x.baseUrl() + "/2/oauth2/token"),
                new Credential("cid", "cs", access, "rt", fixture.clock.instant().plus(Duration.ofHours(2)), null));
    }

    @Override
    int postsOnPlatform() {
        return x.tweets().size();
    }

    @Override
    void loseNextCreateAnswer() {
        x.dropNextTweetResponse();
    }

    @Override
    void stopPlatform() {
        x.close();
    }

    @Test
    void aVideoGoesInOneMebibyteSegmentsInOrder() {
        Post post = f.due(channel, "clip", 2_600_000);
        f.run();
        assertEquals(PostState.PUBLISHED, f.post(post.id()).state());
        long appends = f.p.attempts().of(post.id()).stream().filter(a -> a.request().endsWith("/append")).count();
        assertEquals(3, appends);
    }

    @Test
    void theTextIsCutToTwoHundredEightyWeightedCharacters() {
        Post post = f.due(channel, "clip", 1000);
        // the text edited on the calendar (the clip's own copy would replace anything else before the upload)
        f.p.copies().editCopy(post.id(), post.title(), "字".repeat(200));
        f.run();
        assertEquals(PostState.PUBLISHED, f.post(post.id()).state(), String.valueOf(f.post(post.id()).lastError()));
        assertEquals(140, x.tweets().get(0).text().length(), "CJK weighs 2");
    }

    @Test
    void theRateLimitWaitsUntilXsResetTime() {
        x.postsPer15Min(1);
        f.due(channel, "a", 1000);
        f.due(channel, "b", 1000);
        f.run();
        assertEquals(1, x.tweets().size());
        Post waiting = f.p.posts().inState(PostState.SCHEDULED).get(0);
        assertFalse(waiting.dueAt().isBefore(PublishFixture.T0.plusSeconds(900)), waiting.dueAt().toString());
        assertTrue(waiting.lastError().contains("429"), waiting.lastError());
    }
}
