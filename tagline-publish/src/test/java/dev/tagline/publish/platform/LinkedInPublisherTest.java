package dev.tagline.publish.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.publish.PublishFixture;
import dev.tagline.publish.auth.Credential;
import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Post;
import dev.tagline.publish.store.PostState;
import dev.tagline.testkit.platform.FakeLinkedIn;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinkedInPublisherTest extends PublisherContract {
    FakeLinkedIn li;

    @Override
    Channel setUpChannel(PublishFixture fixture, Path dir) {
        li = new FakeLinkedIn(fixture.clock, "cid", "cs");
        String access = li.oauth().grant("rt", Duration.ofDays(60));
        Channel c = fixture.channel("li", "linkedin", Map.of("api-base", li.baseUrl(), "token-url", li.baseUrl()
                + "/token"), new Credential("cid", "cs", access, "rt", fixture.clock.instant().plus(Duration.ofDays(60)),
                null));
        fixture.p.database().jdbc().update("UPDATE channel SET account = 'urn:li:person:abc' WHERE id = ?", c.id());
        return fixture.p.channels().byId(c.id());
    }

    @Override
    int postsOnPlatform() {
        return li.posts();
    }

    @Override
    void loseNextCreateAnswer() {
        li.dropNextPostResponse();
    }

    @Override
    void stopPlatform() {
        li.close();
    }

    @Test
    void aLargeVideoGoesInFourMegabytePartsAndFinalizesWithTheirEtags() {
        Post post = f.due(channel, "clip", 9 * 1024 * 1024);
        f.run();
        assertEquals(PostState.PUBLISHED, f.post(post.id()).state(), String.valueOf(f.post(post.id()).lastError()));
        long puts = f.p.attempts().of(post.id()).stream().filter(a -> a.request().startsWith("PUT")).count();
        assertEquals(3, puts);
        assertTrue(f.post(post.id()).externalId().startsWith("urn:li:share:"));
    }

    @Test
    void aSunsetApiVersionIsAPermanentFailureNamingTheVersion() {
        Channel old = f.channel("li-old", "linkedin", Map.of("api-base", li.baseUrl(), "linkedin-version", "202401"),
                f.p.credentials(f.env).get(channel).orElseThrow());
        Post post = f.due(old, "clip", 1000);
        f.run();
        assertEquals(PostState.FAILED, f.post(post.id()).state());
        assertTrue(f.post(post.id()).lastError().contains("202401"), f.post(post.id()).lastError());
    }
}
