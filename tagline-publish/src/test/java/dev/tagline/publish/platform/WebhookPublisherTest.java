package dev.tagline.publish.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.publish.PublishFixture;
import dev.tagline.publish.auth.Credential;
import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Post;
import dev.tagline.publish.store.PostState;
import dev.tagline.testkit.platform.FakeWebhookReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookPublisherTest extends PublisherContract {
    FakeWebhookReceiver receiver;

    @Override
    Channel setUpChannel(PublishFixture fixture, Path dir) {
        receiver = new FakeWebhookReceiver("s3cret");
        return fixture.channel("hook", "webhook", Map.of("url", receiver.baseUrl() + "/hook", "media-base-url",
                "https://cdn.example.com/", "idempotent", "true"), Credential.secret("s3cret"));
    }

    @Override
    int postsOnPlatform() {
        return receiver.deliveries().size();
    }

    @Override
    void loseNextCreateAnswer() {
        receiver.dropNextResponse();
    }

    @Override
    void stopPlatform() {
        receiver.close();
    }

    @Test
    void theBodyIsSignedAndCarriesTheDownloadUrl() {
        Post post = f.due(channel, "talk", 100);
        f.run();
        var delivery = receiver.deliveries().get(0);
        assertEquals("https://cdn.example.com/media/" + post.mediaId() + "/clip.mp4", delivery.path("videoUrl").asText());
        assertEquals("Europe/Berlin", delivery.path("zone").asText());
        assertTrue(f.post(post.id()).externalUrl().endsWith("/deliveries/d1"));
    }

    @Test
    void aRefusedSecretMarksTheChannelNeedsReconnectAndThePostWaits() {
        f.p.credentials(f.env).put(channel, Credential.secret("wrong"));
        Post post = f.due(channel, "talk", 100);
        assertEquals(1, f.run().count("RECONNECT"));
        assertEquals(PostState.SCHEDULED, f.post(post.id()).state());
        Channel c = f.p.channels().byId(channel.id());
        assertEquals(Channel.State.NEEDS_RECONNECT, c.state());
        assertTrue(c.stateReason().contains("signing secret"), c.stateReason());
        assertEquals(0, receiver.deliveries().size());
    }

    @Test
    void tooManyRequestsWaitsForRetryAfter() {
        receiver.failNext("POST", "/hook", 429, Duration.ofSeconds(90), "{\"error\":\"slow down\"}");
        Post post = f.due(channel, "talk", 100);
        f.run();
        Post waiting = f.post(post.id());
        assertEquals(PostState.SCHEDULED, waiting.state());
        assertFalse(waiting.dueAt().isBefore(PublishFixture.T0.plusSeconds(90)));
        f.clock.set(waiting.dueAt());
        f.run();
        assertEquals(PostState.PUBLISHED, f.post(post.id()).state());
        assertEquals(1, receiver.deliveries().size());
    }

    @Test
    void withoutAnIdempotentReceiverALostAnswerStaysUnconfirmedForTheUser() {
        Channel strict = f.channel("strict", "webhook", Map.of("url", receiver.baseUrl() + "/hook", "media-base-url",
                "https://cdn.example.com"), Credential.secret("s3cret"));
        Post post = f.due(strict, "talk", 100);
        receiver.dropNextResponse();
        f.run();
        f.clock.advance(Duration.ofMinutes(10));
        f.run();
        assertEquals(PostState.UNCONFIRMED, f.post(post.id()).state());
        assertTrue(f.post(post.id()).lastError().contains("check the platform"), f.post(post.id()).lastError());
        assertEquals(0, receiver.duplicates());
    }
}
