package dev.tagline.publish.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.publish.PublishFixture;
import dev.tagline.publish.auth.Credential;
import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Post;
import dev.tagline.publish.store.PostState;
import dev.tagline.testkit.platform.FakeFacebookReels;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FacebookReelsPublisherTest extends PublisherContract {
    FakeFacebookReels fb;

    @Override
    Channel setUpChannel(PublishFixture fixture, Path dir) {
        fb = new FakeFacebookReels(fixture.clock, "acct-fb", "page-token");
        return fixture.channel("fb", "facebook", Map.of("api-base", fb.baseUrl()), Credential.secret("page-token"));
    }

    @Override
    int postsOnPlatform() {
        return fb.reels();
    }

    @Override
    void loseNextCreateAnswer() {
        fb.dropNextFinishResponse();
    }

    @Override
    void stopPlatform() {
        fb.close();
    }

    @Test
    void anInterruptedUploadResumesFromTheOffsetFacebookReports() {
        Post post = f.due(channel, "clip", 50_000);
        fb.failNext("POST", "/video-upload/", 503, null, "{}");
        f.run();
        Post waiting = f.post(post.id());
        assertEquals(PostState.SCHEDULED, waiting.state());
        f.clock.set(waiting.dueAt());
        f.run();
        assertEquals(PostState.PUBLISHED, f.post(post.id()).state());
        assertEquals(1, fb.reels());
    }

    @Test
    void aClipLongerThanNinetySecondsIsRefusedBeforeAnyCall() {
        Post post = f.due(channel, "clip", 5000);
        java.nio.file.Path json = f.p.media().byId(post.mediaId()).manifestPath(); // the worker reads clip.json afresh
        dev.tagline.core.manifest.ClipManifest m = dev.tagline.core.manifest.ClipManifests.read(json);
        dev.tagline.core.manifest.ClipManifests.write(json, new dev.tagline.core.manifest.ClipManifest(m.schema(),
                m.version(), m.id(), m.video(), m.source(), 120.0, m.width(), m.height(), m.score(), m.accepted(),
                m.copy(), m.variants(), m.render()));
        f.run();
        assertEquals(PostState.FAILED, f.post(post.id()).state());
        assertTrue(f.post(post.id()).lastError().contains("3–90 s"), f.post(post.id()).lastError());
        assertEquals(0, fb.requestCount());
    }
}
