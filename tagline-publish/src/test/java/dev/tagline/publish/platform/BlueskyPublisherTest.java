package dev.tagline.publish.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.publish.PublishFixture;
import dev.tagline.publish.auth.Credential;
import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Post;
import dev.tagline.publish.store.PostState;
import dev.tagline.testkit.platform.FakeBluesky;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BlueskyPublisherTest extends PublisherContract {
    FakeBluesky bsky;

    @Override
    Channel setUpChannel(PublishFixture fixture, Path dir) {
        bsky = new FakeBluesky("acct-bsky", "app-pass-1234");
        return fixture.channel("bsky", "bluesky", Map.of("pds", bsky.baseUrl(), "video-service", bsky.baseUrl()),
                Credential.secret("app-pass-1234"));
    }

    @Override
    int postsOnPlatform() {
        return bsky.posts().size();
    }

    @Override
    void loseNextCreateAnswer() {
        bsky.dropNextCreateResponse();
    }

    @Override
    void stopPlatform() {
        bsky.close();
    }

    @Test
    void theRecordKeyIsATidFixedBeforeTheFirstAttempt() {
        Post post = f.due(channel, "clip", 2000);
        f.run();
        String rkey = bsky.posts().get(0);
        assertTrue(rkey.matches("[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}"), rkey);
        assertEquals(rkey, f.post(post.id()).progress().get("rkey"));
        assertEquals("https://bsky.app/profile/acct-bsky/post/" + rkey, f.post(post.id()).externalUrl());
    }

    @Test
    void aLongCaptionIsCutToThreeHundredGraphemesNotCodeUnits() {
        Post post = f.due(channel, "clip", 2000);
        // the text edited on the calendar (the clip's own copy would replace anything else before the upload)
        f.p.copies().editCopy(post.id(), post.title(), "👩‍👩‍👧".repeat(400));
        f.run();
        assertEquals(PostState.PUBLISHED, f.post(post.id()).state(), String.valueOf(f.post(post.id()).lastError()));
    }

    @Test
    void aRefusedAppPasswordMarksTheChannelNeedsReconnect() {
        f.p.credentials(f.env).put(channel, Credential.secret("wrong"));
        Post post = f.due(channel, "clip", 2000);
        assertEquals(1, f.run().count("RECONNECT"));
        assertEquals(Channel.State.NEEDS_RECONNECT, f.p.channels().byId(channel.id()).state());
        assertEquals(PostState.SCHEDULED, f.post(post.id()).state());
    }
}
