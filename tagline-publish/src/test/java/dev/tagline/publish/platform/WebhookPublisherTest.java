package dev.tagline.publish.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.publish.PublishFixture;
import dev.tagline.publish.auth.Credential;
import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Post;
import dev.tagline.publish.store.PostState;
import dev.tagline.testkit.platform.FakeMediaHost;
import dev.tagline.testkit.platform.FakeWebhookReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookPublisherTest extends PublisherContract {
    FakeWebhookReceiver receiver;
    FakeMediaHost serve;

    @Override
    Channel setUpChannel(PublishFixture fixture, Path dir) {
        receiver = new FakeWebhookReceiver("s3cret");
        serve = new FakeMediaHost();
        serve.serveAll(post -> fixture.p.media().byId(fixture.p.posts().byId(post).mediaId()).videoPath());
        return fixture.channel("hook", "webhook", Map.of("url", receiver.baseUrl() + "/hook", "media-base-url",
                serve.baseUrl() + "/", "idempotent", "true"), Credential.secret("s3cret"));
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
        serve.close();
    }

    @Test
    void theBodyIsSignedAndCarriesTheDownloadUrl() {
        receiver.downloadVideos();
        Post post = f.due(channel, "talk", 100);
        f.run();
        var delivery = receiver.deliveries().get(0);
        assertTrue(delivery.path("videoUrl").asText().matches(java.util.regex.Pattern.quote(serve.baseUrl())
                + "/public/v/" + post.id() + "-[A-Za-z0-9_-]{32}/clip\\.mp4"), delivery.path("videoUrl").asText());
        assertEquals("2026-06-08T10:00:00Z", delivery.path("videoUrlExpiresAt").asText(), "7 days after the post's time");
        assertEquals("Europe/Berlin", delivery.path("zone").asText());
        assertTrue(f.post(post.id()).externalUrl().endsWith("/deliveries/d1"));
        assertEquals(200, receiver.downloads().get(0).status());
        assertTrue(receiver.downloads().get(0).sha256Matches(), "the receiver got the queued video");
    }

    @Test
    void theVideoUrlPointedAtAPathNothingServedAndThePostWasPublished_nowA404StopsItBeforeTheCreate() {
        serve.serveAll(id -> null);
        Post post = f.due(channel, "talk", 100);
        assertEquals(1, f.run().count("RETRY"));
        Post waiting = f.post(post.id());
        assertEquals(PostState.SCHEDULED, waiting.state());
        assertTrue(waiting.lastError().matches("The video URL " + java.util.regex.Pattern.quote(serve.baseUrl())
                + "/public/v/" + post.id() + "-…/clip\\.mp4 answered 404: is 'tagline serve' running .*media-base-url "
                + java.util.regex.Pattern.quote(serve.baseUrl()) + "\\?"), waiting.lastError());
        assertEquals(0, receiver.deliveries().size(), "nothing was sent without a video to fetch");
        assertTrue(f.p.attempts().of(post.id()).stream().noneMatch(a -> a.request().matches(".*/public/v/\\d+-[A-Za-z0-9_-]{32}/.*")),
                "the link's secret stays out of the attempt log");
        String firstLink = serve.requests().get(0);
        serve.serveAll(id -> f.p.media().byId(f.p.posts().byId(id).mediaId()).videoPath());
        f.clock.set(waiting.dueAt());
        assertEquals(1, f.run().count("PUBLISHED"));
        assertEquals("HEAD " + receiver.deliveries().get(0).path("videoUrl").asText().substring(serve.baseUrl().length()),
                firstLink, "the retry keeps the post's link");
    }

    @Test
    void aVideoOfAnotherSizeBehindTheUrlIsNotTakenForTheClip() {
        Path other = dev.tagline.publish.TestClips.clip(dir.resolve("elsewhere"), "other", 0.5, 50).resolve("clip.mp4");
        serve.serveAll(id -> other);
        Post post = f.due(channel, "talk", 100);
        f.run();
        assertTrue(f.post(post.id()).lastError().contains("answered with 50 bytes, not the clip's 100"),
                f.post(post.id()).lastError());
        assertEquals(0, receiver.deliveries().size());
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
                serve.baseUrl()), Credential.secret("s3cret"));
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
