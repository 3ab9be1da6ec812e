package dev.tagline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Post;
import dev.tagline.publish.store.PostState;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One media row whose stored clip details ({@code manifest_json}) could not be read made the post editor and every
 * view that met it answer 400 "Publish database … failed: corrupt manifest_json". Now its posts show as broken with a
 * short reason, every other post works, and the broken post can be cancelled.
 */
class BrokenClipIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String MARKER = "clip details unreadable: \"id\" is missing; re-queue the clip or cancel the post";
    @TempDir
    Path dir;
    WebFixture web;
    WebFixture.Login login;
    Channel yt;

    @BeforeEach
    void start() {
        web = WebFixture.start(dir);
        yt = web.channel("yt", "youtube", "Europe/Berlin");
        login = web.login();
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private JsonNode call(String method, String path, int expected) throws Exception {
        HttpResponse<String> r = web.send(HttpRequest.newBuilder(URI.create(web.base() + path))
                .header("Cookie", login.cookie()).header("X-CSRF-Token", login.csrf())
                .method(method, HttpRequest.BodyPublishers.noBody()));
        assertEquals(expected, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    /** {@code post}'s stored details become '{}', and its clip.json a newer tagline's, so nothing mends the row. */
    private void breakClipOf(Post post) throws Exception {
        web.publishing.database().jdbc().update("UPDATE media SET manifest_json = '{}' WHERE id = ?", post.mediaId());
        Files.writeString(web.publishing.media().manifestPath(post.mediaId()),
                "{\"schema\":\"tagline.clip\",\"version\":2}");
    }

    @Test
    void aPostWhoseClipDetailsAreUnreadableShowsAsBrokenAndTheRestOfTheCalendarOpens() throws Exception {
        Post fine = web.post(yt, "Fine talk", "c", Instant.parse("2026-12-02T08:00:00Z"));
        Post brokenScheduled = web.post(yt, "Broken talk", "c", Instant.parse("2026-12-02T17:00:00Z"));
        Post brokenQueued = web.post(yt, "Broken queued", "c", null);
        breakClipOf(brokenScheduled);
        breakClipOf(brokenQueued);

        HttpResponse<String> page = web.send(web.get("/calendar").header("Cookie", login.cookie()));
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("<li data-post-id=\"" + brokenQueued.id() + "\" class=\"broken\""), page.body());
        assertTrue(page.body().contains("<p class=\"broken-reason\">" + Html.esc(MARKER) + "</p>"), page.body());

        JsonNode events = call("GET", "/api/calendar?from=2026-11-30&to=2027-01-05&tz=UTC", 200).get("events");
        assertEquals(2, events.size(), events.toString());
        for (JsonNode e : events) {
            boolean broken = e.get("id").asText().equals(Long.toString(brokenScheduled.id()));
            assertEquals(broken ? "broken" : "scheduled", e.get("extendedProps").get("status").asText(), e.toString());
            assertEquals(broken ? MARKER : "", e.get("extendedProps").get("reason").asText(), e.toString());
        }
        assertEquals(MARKER, call("GET", "/api/queue", 200).get("posts").get(0).get("broken").asText());
        JsonNode detail = call("GET", "/api/posts/" + brokenScheduled.id(), 200);
        assertEquals("broken", detail.get("extendedProps").get("status").asText());
        assertEquals(MARKER, detail.get("extendedProps").get("reason").asText());
        assertEquals("scheduled", call("GET", "/api/posts/" + fine.id(), 200).get("extendedProps").get("status")
                .asText());

        call("POST", "/api/posts/" + brokenScheduled.id() + "/cancel", 200);
        call("POST", "/api/posts/" + brokenQueued.id() + "/cancel", 200);
        assertEquals(PostState.CANCELLED, web.publishing.posts().byId(brokenScheduled.id()).state());
        HttpResponse<String> after = web.send(web.get("/calendar").header("Cookie", login.cookie()));
        assertEquals(200, after.statusCode());
        assertFalse(after.body().contains("broken-reason"), "cancelled posts are no longer shown as broken");
    }

    /**
     * dogfood round 9 L7: the editor offered Publish now on a broken post, the server took it ("Due now, but not sent
     * yet"), and the next run failed the post. Now the server refuses it with the reason, and the post stays as it was.
     */
    @Test
    void publishNowOfABrokenPostWasAcceptedAndThenFailedByTheRun_nowItIsRefusedWithTheReason() throws Exception {
        Post broken = web.post(yt, "Broken talk", "c", Instant.parse("2026-12-02T17:00:00Z"));
        Post fine = web.post(yt, "Fine talk", "c", Instant.parse("2026-12-03T08:00:00Z"));
        breakClipOf(broken);
        JsonNode refused = call("POST", "/api/posts/" + broken.id() + "/publish-now", 409);
        assertTrue(refused.toString().contains("Post " + broken.id() + " cannot be published now: a run would fail it"
                + " (clip details unreadable: \\\"id\\\" is missing)"), refused.toString());
        assertTrue(refused.toString().contains("Re-queue the clip"), refused.toString());
        Post after = web.publishing.posts().byId(broken.id());
        assertEquals(PostState.SCHEDULED, after.state());
        assertEquals(Instant.parse("2026-12-02T17:00:00Z"), after.scheduledAt(), "not moved to now");
        call("POST", "/api/posts/" + fine.id() + "/publish-now", 200);
    }
}
