package dev.tagline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagline.publish.plan.PostingRule;
import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Post;
import dev.tagline.publish.store.PostState;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #10 point 3 through the JSON API the calendar page uses. */
class CalendarApiIT {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    WebFixture web;
    WebFixture.Login login;
    Channel yt;

    @BeforeEach
    void start() {
        web = WebFixture.start(dir);
        yt = web.channel("yt", "youtube", "Europe/Berlin");
        web.publishing.rules().set(yt.id(), new PostingRule(PostingRule.parseDays("mon-fri"),
                PostingRule.parseTimes("09:00,18:00"), 2, 10, Duration.ofHours(3), Set.of()));
        login = web.login();
    }

    @AfterEach
    void stop() {
        web.close();
    }

    JsonNode call(String method, String path, String body, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(web.base() + path)).header("Cookie", login.cookie())
                .header("X-CSRF-Token", login.csrf()).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = web.send(b);
        assertEquals(expected, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    /**
     * Dogfood round 3 #16: two folder channels were both #4b7f52 on the calendar and in the legend. Each channel gets a
     * shade within its platform's hue, on /api/channels, the events and the Unscheduled list alike, and white event
     * text stays at least as readable as on the platform's own colour.
     */
    @Test
    void twoChannelsOfOnePlatformGetTheirOwnShadeOfItsColour() throws Exception {
        Channel out = web.channel("out", "folder", "UTC");
        Channel out2 = web.channel("out2", "folder", "UTC");
        web.post(out, "A", "a", Instant.parse("2026-12-02T08:00:00Z"));
        web.post(out2, "B", "b", Instant.parse("2026-12-02T09:00:00Z"));
        web.post(out2, "Q", "q", null);
        java.util.Map<String, String> colour = new java.util.HashMap<>();
        call("GET", "/api/channels", null, 200).forEach(c -> colour.put(c.get("name").asText(), c.get("color").asText()));
        assertEquals(Platforms.of("folder").color(), colour.get("out"));
        assertFalse(colour.get("out").equals(colour.get("out2")), colour.toString());
        for (JsonNode e : call("GET", "/api/calendar?from=2026-11-30&to=2027-01-05&tz=UTC", null, 200).get("events")) {
            assertEquals(colour.get(e.get("extendedProps").get("channel").asText()), e.get("color").asText());
        }
        assertEquals(colour.get("out2"), call("GET", "/api/queue", null, 200).get("posts").get(0).get("color").asText());
        for (String platform : java.util.List.of("youtube", "tiktok", "folder", "webhook", "bluesky", "x")) {
            String base = Platforms.of(platform).color();
            java.util.Set<String> shades = new java.util.HashSet<>();
            for (int rank = 0; rank < 6; rank++) {
                String shade = Platforms.shade(base, rank);
                shades.add(shade);
                assertTrue(contrastWithWhite(shade) >= Math.min(4.5, contrastWithWhite(base)) - 0.01,
                        platform + " shade " + rank + " " + shade + " reads worse than " + base);
                float[] a = java.awt.Color.RGBtoHSB(rgb(base) >> 16 & 255, rgb(base) >> 8 & 255, rgb(base) & 255, null);
                float[] b = java.awt.Color.RGBtoHSB(rgb(shade) >> 16 & 255, rgb(shade) >> 8 & 255, rgb(shade) & 255, null);
                double dh = Math.abs(a[0] - b[0]) * 360;
                assertTrue(a[1] < 0.05 || Math.min(dh, 360 - dh) <= 45, platform + " shade " + shade + " leaves the hue");
            }
            assertEquals(6, shades.size(), platform + ": " + shades);
        }
    }

    private static int rgb(String hex) {
        return Integer.parseInt(hex.substring(1), 16);
    }

    /** WCAG 2 contrast ratio of white text on {@code hex}. */
    private static double contrastWithWhite(String hex) {
        int v = rgb(hex);
        double l = 0;
        double[] weights = {0.2126, 0.7152, 0.0722};
        for (int i = 0; i < 3; i++) {
            double c = (v >> (16 - 8 * i) & 255) / 255.0;
            l += weights[i] * (c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
        return 1.05 / (l + 0.05);
    }

    @Test
    void eventsCarryWallClockTimeOfTheChosenZonePlatformColourAndStatus() throws Exception {
        web.post(yt, "Talk", "caption", Instant.parse("2026-12-02T08:00:00Z"));
        JsonNode berlin = call("GET", "/api/calendar?from=2026-11-30&to=2027-01-05&tz=Europe/Berlin", null, 200);
        JsonNode e = berlin.get("events").get(0);
        assertEquals("2026-12-02T09:00:00", e.get("start").asText());
        assertEquals("2026-12-02T08:00:00Z", e.get("at").asText());
        assertEquals(Platforms.of("youtube").color(), e.get("color").asText());
        assertEquals("scheduled", e.get("extendedProps").get("status").asText());
        JsonNode ny = call("GET", "/api/calendar?from=2026-11-30&to=2027-01-05&tz=America/New_York", null, 200);
        assertEquals("2026-12-02T03:00:00", ny.get("events").get(0).get("start").asText());
        call("GET", "/api/calendar?from=2026-11-30&to=2027-01-05&tz=Mars/Base", null, 400);
    }

    @Test
    void aDenseMonthAsksForTheFirstPostsOfEachDayAndCountsTheRestPerDayOfTheChosenZone() throws Exception {
        // 23:30Z on Dec 1 is 00:30 on Dec 2 in Berlin: the day boundary is the display zone's, not UTC's.
        for (String at : new String[] {"2026-12-01T07:00:00Z", "2026-12-01T08:00:00Z", "2026-12-01T09:00:00Z",
                "2026-12-01T23:30:00Z", "2026-12-02T10:00:00Z", "2026-12-02T11:00:00Z"}) {
            web.post(yt, "at " + at, "c", Instant.parse(at));
        }
        String range = "/api/calendar?from=2026-11-30&to=2027-01-05&tz=Europe/Berlin";
        JsonNode all = call("GET", range, null, 200);
        assertEquals(6, all.get("events").size());
        assertEquals(0, all.get("more").size());
        JsonNode dense = call("GET", range + "&perDay=2", null, 200);
        assertEquals(4, dense.get("events").size(), dense.toString());
        assertEquals("2026-12-01T08:00:00", dense.get("events").get(0).get("start").asText());
        assertEquals("2026-12-02T00:30:00", dense.get("events").get(2).get("start").asText());
        assertEquals("2026-12-01", dense.get("more").get(0).get("date").asText());
        assertEquals(1, dense.get("more").get(0).get("count").asInt());
        assertEquals("2026-12-02", dense.get("more").get(1).get("date").asText());
        assertEquals(1, dense.get("more").get(1).get("count").asInt());
        call("GET", range + "&perDay=500", null, 400);
        JsonNode zero = call("GET", range + "&perDay=0", null, 400);
        assertTrue(zero.get("detail").asText().contains("from 1 to 50"), "docs/api.md allows 1-50: " + zero);
    }

    /** Dogfood: moving a published post answered 400 where docs/api.md says 409. */
    @Test
    void movingOrPublishingNowAPublishedPostIsAConflict() throws Exception {
        Post p = web.post(yt, "Done", "c", Instant.parse("2026-12-02T08:00:00Z"));
        web.finish(p, "https://youtu.be/abc", null);
        JsonNode refused = call("PATCH", "/api/posts/" + p.id() + "/schedule",
                "{\"at\":\"2026-12-07T09:00\",\"tz\":\"Europe/Berlin\"}", 409);
        assertTrue(refused.get("detail").asText().startsWith("Post " + p.id() + " is published and cannot be moved"),
                refused.toString());
        call("POST", "/api/posts/" + p.id() + "/publish-now", null, 409);
    }

    @Test
    void publishedFailedAndNeedsReconnectShowLinkAndReason() throws Exception {
        Post published = web.post(yt, "Done", "c", Instant.parse("2026-12-01T07:00:00Z"));
        web.finish(published, "https://youtu.be/abc", null);
        Post failed = web.post(yt, "Bad", "c", Instant.parse("2026-12-01T07:30:00Z"));
        web.finish(failed, null, "video too long for Shorts");
        Channel tt = web.channel("tt", "tiktok", "UTC");
        web.post(tt, "Waiting", "c", Instant.parse("2026-12-03T10:00:00Z"));
        web.publishing.channels().setState(tt.id(), Channel.State.NEEDS_RECONNECT, "refresh token revoked");
        JsonNode events = call("GET", "/api/calendar?from=2026-11-30&to=2027-01-05&tz=UTC", null, 200).get("events");
        assertEquals("published", events.get(0).get("extendedProps").get("status").asText());
        assertEquals("https://youtu.be/abc", events.get(0).get("extendedProps").get("url").asText());
        assertEquals("failed", events.get(1).get("extendedProps").get("status").asText());
        assertEquals("video too long for Shorts", events.get(1).get("extendedProps").get("reason").asText());
        assertEquals("needs reconnect", events.get(2).get("extendedProps").get("status").asText());
        assertEquals("refresh token revoked", events.get(2).get("extendedProps").get("reason").asText());
        assertFalse(events.get(0).get("editable").asBoolean());
    }

    @Test
    void movingRevalidatesAgainstTheRuleRefusesStaleAndPastAndCanBeUndone() throws Exception {
        Post p = web.post(yt, "Talk", "c", Instant.parse("2026-12-02T08:00:00Z"));
        JsonNode moved = call("PATCH", "/api/posts/" + p.id() + "/schedule",
                "{\"at\":\"2026-12-05T11:00\",\"tz\":\"Europe/Berlin\",\"previousAt\":\"2026-12-02T08:00:00Z\"}", 200);
        assertEquals("2026-12-05T10:00:00Z", moved.get("post").get("at").asText());
        assertTrue(moved.get("warnings").get(0).asText().startsWith("Outside the posting rule of 'yt'"), moved.toString());
        assertEquals(Instant.parse("2026-12-05T10:00:00Z"), web.publishing.posts().byId(p.id()).scheduledAt());
        call("PATCH", "/api/posts/" + p.id() + "/schedule",
                "{\"at\":\"2026-12-07T09:00\",\"tz\":\"Europe/Berlin\",\"previousAt\":\"2026-12-02T08:00:00Z\"}", 409);
        call("PATCH", "/api/posts/" + p.id() + "/schedule",
                "{\"at\":\"2026-11-07T09:00\",\"tz\":\"Europe/Berlin\",\"previousAt\":\"2026-12-05T10:00:00Z\"}", 400);
        JsonNode undone = call("PATCH", "/api/posts/" + p.id() + "/schedule",
                "{\"at\":\"2026-12-02T09:00\",\"tz\":\"Europe/Berlin\",\"previousAt\":\"2026-12-05T10:00:00Z\"}", 200);
        assertEquals(0, undone.get("warnings").size(), "09:00 Wednesday is a rule slot");
        assertEquals(Instant.parse("2026-12-02T08:00:00Z"), web.publishing.posts().byId(p.id()).scheduledAt());
    }

    @Test
    void editingTheCopyIsRefusedOncePublished() throws Exception {
        Post p = web.post(yt, "Talk", "old", Instant.parse("2026-12-02T08:00:00Z"));
        JsonNode d = call("PUT", "/api/posts/" + p.id() + "/copy", "{\"title\":\"New\",\"caption\":\"‹b› new & #x\"}", 200);
        assertEquals("‹b› new & #x", d.get("caption").asText());
        assertEquals(100, d.get("limits").get("title").asInt());
        assertEquals("‹b› new & #x", web.publishing.posts().byId(p.id()).caption());
        web.finish(web.publishing.posts().byId(p.id()), "https://youtu.be/x", null);
        call("PUT", "/api/posts/" + p.id() + "/copy", "{\"title\":\"Late\",\"caption\":\"late\"}", 409);
        call("GET", "/api/posts/999999", null, 404);
        call("PUT", "/api/posts/" + p.id() + "/copy", "{not json", 400);
    }

    /** Dogfood web #6: Save sent the text, then the time; a refused time left the text stored and no warning came. */
    @Test
    void theEditorsSaveStoresTextAndTimeTogetherOrNothingAndWarnsLikeADrag() throws Exception {
        Post p = web.post(yt, "Talk", "old", Instant.parse("2026-12-02T08:00:00Z"));
        String path = "/api/posts/" + p.id() + "/copy";
        JsonNode r = call("PUT", path, "{\"title\":\"Talk\",\"caption\":\"old EDITED\",\"at\":\"2026-11-07T09:00\","
                + "\"tz\":\"Europe/Berlin\",\"previousAt\":\"2026-12-02T08:00:00Z\"}", 400);
        assertTrue(r.get("detail").asText().endsWith("is in the past"), r.toString());
        assertEquals("old", web.publishing.posts().byId(p.id()).caption(), "a refused time stores no text");
        call("PUT", path, "{\"title\":\"" + "t".repeat(101) + "\",\"caption\":\"c\",\"at\":\"2026-12-05T11:00\","
                + "\"tz\":\"Europe/Berlin\"}", 400);
        assertEquals(Instant.parse("2026-12-02T08:00:00Z"), web.publishing.posts().byId(p.id()).scheduledAt(),
                "refused text moves nothing");

        JsonNode saved = call("PUT", path, "{\"title\":\"Talk\",\"caption\":\"new\",\"at\":\"2026-12-05T11:00\","
                + "\"tz\":\"Europe/Berlin\",\"previousAt\":\"2026-12-02T08:00:00Z\"}", 200);
        assertEquals("new", web.publishing.posts().byId(p.id()).caption());
        assertEquals(Instant.parse("2026-12-05T10:00:00Z"), web.publishing.posts().byId(p.id()).scheduledAt());
        assertEquals("2026-12-02T08:00:00Z", saved.get("previousAt").asText(), "for Undo");
        assertTrue(saved.get("warnings").get(0).asText().startsWith("Outside the posting rule of 'yt'"),
                saved.toString());
    }

    @Test
    void thePostEditorSavedOverLimitTextAndRawAngleBracketsForYouTube_nowRefusedNamingTheLimit() throws Exception {
        Post p = web.post(yt, "Talk", "old", Instant.parse("2026-12-02T08:00:00Z"));
        JsonNode r = call("PUT", "/api/posts/" + p.id() + "/copy", "{\"title\":\"" + "t".repeat(200)
                + "\",\"caption\":\"c\"}", 400);
        assertEquals("The title is 200 characters; youtube allows 100", r.get("detail").asText());
        assertEquals("Shorten it to 100 characters.", r.get("hint").asText());
        r = call("PUT", "/api/posts/" + p.id() + "/copy", "{\"title\":\"T\",\"caption\":\"<script>alert(1)</script>\"}",
                400);
        assertTrue(r.get("detail").asText().contains("YouTube refuses < and >"), r.toString());
        r = call("PUT", "/api/posts/" + p.id() + "/copy", "{\"title\":\"T\"}", 400);
        assertEquals("No caption in the request", r.get("detail").asText());
        assertEquals("old", web.publishing.posts().byId(p.id()).caption(), "nothing stored");
        call("PUT", "/api/posts/999999/copy", "{\"title\":\"T\",\"caption\":\"c\"}", 404);

        Post x = web.post(web.channel("xx", "x", "UTC"), "T", "old", null);
        r = call("PUT", "/api/posts/" + x.id() + "/copy", "{\"caption\":\"" + "a".repeat(281) + "\"}", 400);
        assertEquals("The text is 281 weighted characters (CJK and emoji 2, a link 23); x allows 280",
                r.get("detail").asText());
        call("PUT", "/api/posts/" + x.id() + "/copy", "{\"caption\":\"" + "漢".repeat(141) + "\"}", 400);
        call("PUT", "/api/posts/" + x.id() + "/copy", "{\"caption\":\"" + "漢".repeat(140) + "\"}", 200);
    }

    /**
     * Dogfood round 5 G9: the editor showed (and Save wrote back) the copy of queue time after the clip's clip.json
     * changed. It shows the clip's copy as it is now, says whether the post follows it, and a changed text is the
     * post's own from then on.
     */
    @Test
    void theEditorShowedTheQueueTimeCopyAfterTheClipChanged_nowTheClipsCurrentCopyUntilEditedHere() throws Exception {
        Post p = web.post(yt, "Old title", "Old caption", Instant.parse("2026-12-02T08:00:00Z"));
        java.nio.file.Path json = web.publishing.media().byId(p.mediaId()).manifestPath();
        dev.tagline.core.manifest.ClipManifest m = dev.tagline.core.manifest.ClipManifests.read(json);
        dev.tagline.core.manifest.ClipManifests.write(json, new dev.tagline.core.manifest.ClipManifest(m.schema(),
                m.version(), m.id(), m.video(), m.source(), m.durationSeconds(), m.width(), m.height(), m.score(), true,
                new dev.tagline.core.manifest.ClipManifest.Copy("New title", "New caption", java.util.List.of("go")),
                java.util.Map.of(), m.render()));
        assertTrue(call("GET", "/api/calendar?from=2026-12-01&to=2026-12-05&tz=UTC", null, 200).toString()
                .contains("yt · Old title"), "the calendar reads the posts as stored");
        web.send(web.get("/calendar").header("Cookie", login.cookie()));
        assertTrue(call("GET", "/api/calendar?from=2026-12-01&to=2026-12-05&tz=UTC", null, 200).toString()
                .contains("yt · New title"), "opening the calendar takes the clips' copy");
        JsonNode d = call("GET", "/api/posts/" + p.id(), null, 200);
        assertEquals("New title", d.get("postTitle").asText());
        assertEquals("New caption\n\n#go", d.get("caption").asText());
        assertFalse(d.get("copyEdited").asBoolean());
        d = call("PUT", "/api/posts/" + p.id() + "/copy", "{\"title\":\"New title\",\"caption\":\"Mine\"}", 200);
        assertTrue(d.get("copyEdited").asBoolean(), d.toString());
        dev.tagline.core.manifest.ClipManifests.write(json, m);
        assertEquals("Mine", call("GET", "/api/posts/" + p.id(), null, 200).get("caption").asText(), "kept");
    }

    /**
     * Once its text was edited in the editor a post never followed its clip again. Its detail now carries the clip's
     * copy ({@code clipCopy}), and {@code POST …/follow-clip} (CSRF-checked) makes it take that copy and follow the
     * clip again; refused (409) once sending began.
     */
    @Test
    void anEditedPostHadNoWayBack_nowFollowClipTakesTheClipsCopyAgain() throws Exception {
        Post p = web.post(yt, "Clip title", "Clip caption", Instant.parse("2026-12-02T08:00:00Z"));
        assertFalse(call("GET", "/api/posts/" + p.id(), null, 200).has("clipCopy"), "follows: nothing to offer");
        call("PUT", "/api/posts/" + p.id() + "/copy", "{\"title\":\"Mine\",\"caption\":\"My caption\"}", 200);
        JsonNode d = call("GET", "/api/posts/" + p.id(), null, 200);
        assertTrue(d.get("copyEdited").asBoolean());
        assertEquals("Clip title", d.get("clipCopy").get("title").asText(), d.toString());
        assertEquals("Clip caption", d.get("clipCopy").get("caption").asText());

        String path = "/api/posts/" + p.id() + "/follow-clip";
        HttpResponse<String> noCsrf = web.send(HttpRequest.newBuilder(URI.create(web.base() + path))
                .header("Cookie", login.cookie()).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(403, noCsrf.statusCode());
        assertEquals("Mine", web.publishing.posts().byId(p.id()).title(), "nothing changed without the token");
        JsonNode done = call("POST", path, null, 200);
        assertFalse(done.get("post").get("copyEdited").asBoolean(), done.toString());
        assertEquals("Clip title", done.get("post").get("postTitle").asText());
        assertEquals("Clip caption", done.get("post").get("caption").asText());
        assertEquals("Post " + p.id() + " on yt follows its clip's copy again: it takes edits on the Clips page until"
                + " it is sent.", done.get("message").asText());
        assertFalse(web.publishing.posts().byId(p.id()).copyEdited());

        Post published = web.post(yt, "Done", "c", Instant.parse("2026-12-01T07:00:00Z"));
        web.finish(published, "https://youtu.be/abc", null);
        JsonNode refused = call("POST", "/api/posts/" + published.id() + "/follow-clip", null, 409);
        assertEquals("Post " + published.id() + " is published: its text was fixed when sending began, so it cannot"
                + " follow its clip again", refused.get("detail").asText());
        assertFalse(refused.toString().contains("tagline "), "no command-line advice in the web app: " + refused);
        call("POST", "/api/posts/999999/follow-clip", null, 404);
    }

    /**
     * Every open of the calendar parsed the clip.json of every clip with an unsent post. An unchanged clip.json is now
     * taken from the cache (no parse), and a changed one is read again and its posts take its copy.
     */
    @Test
    void openingTheCalendarParsedEveryClipJsonEachTime_nowOnlyTheChangedOnes() throws Exception {
        Post a = web.post(yt, "Title a", "Caption a", Instant.parse("2026-12-02T08:00:00Z"));
        web.post(yt, "Title b", "Caption b", Instant.parse("2026-12-02T17:00:00Z"));
        web.post(yt, "Title c", "Caption c", null);
        var cache = web.publishing.media().manifests();
        web.send(web.get("/calendar").header("Cookie", login.cookie()));
        long parsed = cache.parses();
        for (int i = 0; i < 3; i++) {
            assertEquals(200, web.send(web.get("/calendar").header("Cookie", login.cookie())).statusCode());
        }
        assertEquals(parsed, cache.parses(), "unchanged clip.json files are not parsed again");

        java.nio.file.Path json = web.publishing.media().byId(a.mediaId()).manifestPath();
        dev.tagline.core.manifest.ClipManifest m = dev.tagline.core.manifest.ClipManifests.read(json);
        dev.tagline.core.manifest.ClipManifests.write(json, new dev.tagline.core.manifest.ClipManifest(m.schema(),
                m.version(), m.id(), m.video(), m.source(), m.durationSeconds(), m.width(), m.height(), m.score(), true,
                new dev.tagline.core.manifest.ClipManifest.Copy("Title A", "Caption a", java.util.List.of()),
                java.util.Map.of(), m.render()));
        java.nio.file.Files.setLastModifiedTime(json, java.nio.file.attribute.FileTime.from(
                java.nio.file.Files.getLastModifiedTime(json).toInstant().plusSeconds(1)));
        web.send(web.get("/calendar").header("Cookie", login.cookie()));
        assertEquals(parsed + 1, cache.parses(), "only the changed clip.json is parsed");
        assertEquals("Title A", web.publishing.posts().byId(a.id()).title(), "its post takes the new copy");
    }

    /** Dogfood web #2: a failed post could not be fixed in the web app; now Retry, within the exactly-once rule. */
    @Test
    void aFailedPostIsRetriedWithEditedTextOnlyWhenThePlatformDidNotTakeTheVideo() throws Exception {
        Post refused = web.post(yt, "Too long", "c", Instant.parse("2026-12-01T07:30:00Z"));
        web.finish(refused, null, "invalid title (too long)");
        JsonNode d = call("GET", "/api/posts/" + refused.id(), null, 200);
        assertTrue(d.get("retry").get("offered").asBoolean(), d.toString());
        String path = "/api/posts/" + refused.id() + "/retry";
        // the editor's limits hold for a retry too, and nothing changes when they refuse
        JsonNode r = call("POST", path, "{\"title\":\"" + "t".repeat(101) + "\",\"caption\":\"c\"}", 400);
        assertEquals("The title is 101 characters; youtube allows 100", r.get("detail").asText());
        r = call("POST", path, "{\"title\":\"Short\",\"caption\":\"c\",\"at\":\"2026-11-30T09:00\"}", 400);
        assertTrue(r.get("detail").asText().endsWith("is in the past"), r.toString());
        assertEquals(PostState.FAILED, web.publishing.posts().byId(refused.id()).state());
        HttpResponse<String> noCsrf = web.send(HttpRequest.newBuilder(URI.create(web.base() + path))
                .header("Cookie", login.cookie()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Short\",\"caption\":\"c\"}")));
        assertEquals(403, noCsrf.statusCode());
        assertEquals(PostState.FAILED, web.publishing.posts().byId(refused.id()).state());
        // dogfood round 3: a video that no longer matches its clip.json is refused as 'publish queue' refuses it
        java.nio.file.Path video = web.publishing.media().byId(refused.mediaId()).videoPath();
        byte[] good = java.nio.file.Files.readAllBytes(video);
        java.nio.file.Files.write(video, new byte[0]);
        r = call("POST", path, "{\"title\":\"Short\",\"caption\":\"c\"}", 400);
        assertTrue(r.get("detail").asText().contains("0 bytes"), r.toString());
        assertEquals(PostState.FAILED, web.publishing.posts().byId(refused.id()).state());
        java.nio.file.Files.write(video, good);

        JsonNode done = call("POST", path, "{\"title\":\"Short\",\"caption\":\"fixed\",\"at\":\"2026-12-02T09:00\","
                + "\"tz\":\"Europe/Berlin\"}", 200);
        Post again = web.publishing.posts().byId(refused.id());
        assertEquals(PostState.SCHEDULED, again.state());
        assertEquals(Instant.parse("2026-12-02T08:00:00Z"), again.scheduledAt());
        assertEquals("Short", again.title());
        assertEquals("fixed", again.caption());
        assertEquals("scheduled", done.get("post").get("extendedProps").get("status").asText());
        call("POST", path, "{\"title\":\"Short\",\"caption\":\"c\"}", 409);

        Post taken = web.post(yt, "Thumb", "c", Instant.parse("2026-12-01T07:40:00Z"));
        web.finish(taken, null, "thumbnail refused", Post.Step.CREATED, java.util.Map.of("external_id", "vid-9"));
        d = call("GET", "/api/posts/" + taken.id(), null, 200);
        assertFalse(d.get("retry").get("offered").asBoolean());
        assertEquals("Retry is not offered: it failed after youtube had taken the video (its id there: vid-9), so"
                + " sending it again could post it twice. Check it on youtube: finish or delete it there.",
                d.get("retry").get("why").asText());
        r = call("POST", "/api/posts/" + taken.id() + "/retry", "{\"title\":\"T\",\"caption\":\"c\"}", 409);
        assertTrue(r.get("detail").asText().contains("could post it twice"), r.toString());

        Post unknown = web.post(yt, "Lost", "c", Instant.parse("2026-12-01T07:50:00Z"));
        web.finish(unknown, null, "worker died", Post.Step.CREATING, java.util.Map.of());
        d = call("GET", "/api/posts/" + unknown.id(), null, 200);
        assertFalse(d.get("retry").get("offered").asBoolean());
        assertTrue(d.get("retry").get("why").asText().contains("whether youtube has it is unknown"), d.toString());
        call("POST", "/api/posts/" + unknown.id() + "/retry", "{\"title\":\"T\",\"caption\":\"c\"}", 409);
        assertEquals(PostState.FAILED, web.publishing.posts().byId(unknown.id()).state());
    }

    /** Dogfood round 8 K14: '/?view=list' redirected to '/calendar' and dropped the view. */
    @Test
    void theRootDroppedTheViewItWasAskedFor_nowItsQueryGoesAlongToTheCalendar() {
        HttpResponse<String> r = web.send(web.get("/?view=list&date=2026-12-01").header("Cookie", login.cookie()));
        assertEquals(302, r.statusCode(), r.body());
        assertEquals("/calendar?view=list&date=2026-12-01", r.headers().firstValue("Location").orElseThrow());
        r = web.send(web.get("/").header("Cookie", login.cookie()));
        assertEquals("/calendar", r.headers().firstValue("Location").orElseThrow());
    }

    /**
     * Dogfood round 8 K5: on a webhook whose receiver dedupes by Idempotency-Key, a post whose create answer was lost
     * asked the user to check the platform (Posted / Not posted) while Tagline re-sent it by itself minutes later. The
     * editor now shows it as retrying, with the time and why that is safe, and offers no resolve.
     */
    @Test
    void anIdempotentWebhookPostAskedForAManualCheck_nowItShowsAsRetryingAtATimeWithNoResolve() throws Exception {
        Channel hook = web.publishing.channels().add("hook2", "webhook", "hook2", java.time.ZoneId.of("UTC"),
                java.util.Map.of("url", "http://127.0.0.1:9/hook", "media-base-url", "http://127.0.0.1:8080",
                        "idempotent", "true"));
        Post lost = web.post(hook, "Lost", "c", Instant.parse("2026-12-01T07:50:00Z"));
        web.unconfirm(lost);
        JsonNode d = call("GET", "/api/posts/" + lost.id() + "?tz=UTC", null, 200);
        assertFalse(d.get("resolvable").asBoolean(), d.toString());
        assertEquals("retrying", d.get("extendedProps").get("status").asText(), d.toString());
        assertEquals(CalendarJson.localText(WebFixture.NOW.plusSeconds(600), java.time.ZoneId.of("UTC")) + " UTC",
                d.get("resending").get("at").asText(), d.toString());
        assertEquals("safe: the receiver dedupes by Idempotency-Key tagline-post-" + lost.id(),
                d.get("resending").get("why").asText());
        Post strict = web.post(yt, "Strict", "c", Instant.parse("2026-12-01T07:55:00Z"));
        web.unconfirm(strict);
        assertTrue(call("GET", "/api/posts/" + strict.id(), null, 200).get("resolvable").asBoolean(),
                "a receiver that does not dedupe still asks the user");
    }

    /**
     * Dogfood round 5 G4: an unconfirmed post could not be moved, published now, unscheduled or cancelled, and there was
     * no way to record what the user found on the platform. The refusals now say the outcome is unknown and point at
     * the editor's Posted / Not posted, which this endpoint records (CSRF, 409 for any other state).
     */
    @Test
    void anUnconfirmedPostWasADeadEnd_nowResolveRecordsPostedOrSendsItAgain() throws Exception {
        Post lost = web.post(yt, "Lost", "c", Instant.parse("2026-12-01T07:50:00Z"));
        web.unconfirm(lost);
        JsonNode d = call("GET", "/api/posts/" + lost.id(), null, 200);
        assertTrue(d.get("resolvable").asBoolean(), d.toString());
        assertFalse(d.get("movable").asBoolean());
        assertEquals("unconfirmed", d.get("extendedProps").get("status").asText(),
                "its status said 'waiting for worker' though what it waits for is the user's answer: " + d);
        String unknown = "Post " + lost.id() + " is unconfirmed: the answer to its create call was lost, so whether the"
                + " platform has it is not known, and it cannot be ";
        for (String[] refused : new String[][] {{"PATCH", "/schedule", "{\"at\":\"2026-12-05T11:00\"}", "moved"},
                {"POST", "/publish-now", null, "moved"}, {"POST", "/unschedule", null, "unscheduled"},
                {"POST", "/cancel", null, "cancelled"}}) {
            JsonNode r = call(refused[0], "/api/posts/" + lost.id() + refused[1], refused[2], 409);
            assertEquals(unknown + refused[3], r.get("detail").asText(), refused[1]);
            assertEquals("Check the platform, then record what you found in the post's editor: Posted (it is there)"
                    + " or Not posted (send it again).", r.get("hint").asText(), refused[1]);
        }
        String path = "/api/posts/" + lost.id() + "/resolve";
        HttpResponse<String> noCsrf = web.send(HttpRequest.newBuilder(URI.create(web.base() + path))
                .header("Cookie", login.cookie()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"posted\":false}")));
        assertEquals(403, noCsrf.statusCode());
        call("POST", path, "{}", 400);
        call("POST", path, "{\"posted\":false,\"at\":\"2026-11-30T09:00\"}", 400);
        assertEquals(PostState.UNCONFIRMED, web.publishing.posts().byId(lost.id()).state());

        JsonNode again = call("POST", path, "{\"posted\":false}", 200);
        assertTrue(again.get("message").asText().startsWith("Post " + lost.id() + " on yt is sent again. Due now"),
                again.toString());
        assertEquals("waiting for worker", again.get("post").get("extendedProps").get("status").asText());
        Post back = web.publishing.posts().byId(lost.id());
        assertEquals(PostState.SCHEDULED, back.state());
        assertEquals(Post.Step.UPLOAD, back.step());
        assertEquals(WebFixture.NOW, back.dueAt());
        JsonNode twice = call("POST", path, "{\"posted\":true}", 409);
        assertEquals("Post " + lost.id() + " is scheduled, not unconfirmed, so there is nothing to record",
                twice.get("detail").asText());

        Post found = web.post(yt, "Found", "c", Instant.parse("2026-12-01T07:55:00Z"));
        web.unconfirm(found);
        JsonNode posted = call("POST", "/api/posts/" + found.id() + "/resolve",
                "{\"posted\":true,\"url\":\"https://youtu.be/found\"}", 200);
        assertEquals("Post " + found.id() + " on yt is marked published; it will not be sent again.",
                posted.get("message").asText());
        assertEquals("published", posted.get("post").get("extendedProps").get("status").asText());
        assertEquals("https://youtu.be/found", posted.get("post").get("extendedProps").get("url").asText());
        assertFalse(posted.toString().contains("tagline "), "no command-line advice in the web app: " + posted);
    }

    /** Dogfood web #5: no post could be cancelled in the web app; now the engine's cancel, as 'publish cancel'. */
    @Test
    void aPostIsCancelledWithTheCsrfTokenAndAPublishedOneIsNot() throws Exception {
        Post p = web.post(yt, "Talk", "c", Instant.parse("2026-12-02T08:00:00Z"));
        String path = "/api/posts/" + p.id() + "/cancel";
        HttpResponse<String> noCsrf = web.send(HttpRequest.newBuilder(URI.create(web.base() + path))
                .header("Cookie", login.cookie()).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(403, noCsrf.statusCode());
        assertEquals(PostState.SCHEDULED, web.publishing.posts().byId(p.id()).state());
        JsonNode done = call("POST", path, null, 200);
        assertEquals(PostState.CANCELLED, web.publishing.posts().byId(p.id()).state());
        assertEquals("Post " + p.id() + " on yt is cancelled; it will not be published.", done.get("message").asText());
        assertEquals(0, call("GET", "/api/calendar?from=2026-11-30&to=2027-01-05&tz=UTC", null, 200).get("events")
                .size(), "a cancelled post leaves the calendar");

        Post published = web.post(yt, "Done", "c", Instant.parse("2026-12-01T07:00:00Z"));
        web.finish(published, "https://youtu.be/abc", null);
        JsonNode refused = call("POST", "/api/posts/" + published.id() + "/cancel", null, 409);
        assertEquals("Post " + published.id() + " is published and cannot be cancelled", refused.get("detail").asText());
        assertFalse(refused.toString().contains("tagline "), "no command-line advice in the web app: " + refused);
        call("POST", "/api/posts/999999/cancel", null, 404);
    }

    /**
     * Dogfood web: a scheduled post could only be moved or cancelled, never taken back to the Unscheduled list. Now
     * Unschedule (CSRF, previousAt as for a move), refused with the reason once a worker has started the post.
     */
    @Test
    void aScheduledPostCouldNotBeUnscheduled_nowItGoesBackToTheUnscheduledListUnlessPublishingStarted()
            throws Exception {
        Post p = web.post(yt, "Talk", "c", Instant.parse("2026-12-02T08:00:00Z"));
        String path = "/api/posts/" + p.id() + "/unschedule";
        HttpResponse<String> noCsrf = web.send(HttpRequest.newBuilder(URI.create(web.base() + path))
                .header("Cookie", login.cookie()).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(403, noCsrf.statusCode());
        JsonNode stale = call("POST", path, "{\"previousAt\":\"2026-12-01T08:00:00Z\"}", 409);
        assertTrue(stale.get("detail").asText().startsWith("Post " + p.id() + " was moved meanwhile"), stale.toString());
        assertEquals(PostState.SCHEDULED, web.publishing.posts().byId(p.id()).state());

        JsonNode done = call("POST", path, "{\"previousAt\":\"2026-12-02T08:00:00Z\"}", 200);
        Post back = web.publishing.posts().byId(p.id());
        assertEquals(PostState.QUEUED, back.state());
        assertEquals(null, back.scheduledAt());
        assertEquals("2026-12-02T08:00:00Z", done.get("previousAt").asText(), "for Undo");
        assertEquals("queued", done.get("post").get("extendedProps").get("status").asText());
        assertEquals("Post " + p.id() + " on yt is back in the Unscheduled list; give it a time or run Auto-schedule.",
                done.get("message").asText());
        assertEquals(Long.toString(p.id()), call("GET", "/api/queue", null, 200).get("posts").get(0).get("id").asText());
        assertEquals(0, call("GET", "/api/calendar?from=2026-11-30&to=2027-01-05&tz=UTC", null, 200).get("events")
                .size(), "it leaves the calendar");
        JsonNode again = call("POST", path, null, 409);
        assertEquals("Post " + p.id() + " has no time to take away: it is already queued", again.get("detail").asText());

        // Undo is a move back to previousAt
        call("PATCH", "/api/posts/" + p.id() + "/schedule", "{\"at\":\"2026-12-02T08:00:00Z\"}", 200);
        assertEquals(Instant.parse("2026-12-02T08:00:00Z"), web.publishing.posts().byId(p.id()).scheduledAt());
        assertEquals(0, call("GET", "/api/queue", null, 200).get("posts").size());

        web.finish(web.publishing.posts().byId(p.id()), "https://youtu.be/abc", null);
        JsonNode published = call("POST", path, null, 409);
        assertEquals("Post " + p.id() + " is published and cannot be unscheduled", published.get("detail").asText());
        assertEquals("Only scheduled posts that have not started publishing can be unscheduled.",
                published.get("hint").asText());
        assertFalse(published.toString().contains("tagline "), "no command-line advice in the web app: " + published);

        Post sending = web.post(yt, "Sending", "c", WebFixture.NOW);
        var jobs = web.publishing.jobs();
        jobs.claim(new dev.tagline.publish.store.JobStore.Due(sending.id(), sending.scheduleVersion(), yt.id(),
                "youtube"), "w", WebFixture.NOW, WebFixture.NOW.plusSeconds(60)).orElseThrow();
        JsonNode busy = call("POST", "/api/posts/" + sending.id() + "/unschedule", null, 409);
        assertEquals("Post " + sending.id() + " is being published by a worker and cannot be unscheduled",
                busy.get("detail").asText());
        assertTrue(jobs.unconfirmed(sending.id(), "w", WebFixture.NOW.plusSeconds(60), "timeout on create",
                WebFixture.NOW));
        JsonNode unknown = call("POST", "/api/posts/" + sending.id() + "/unschedule", null, 409);
        assertTrue(unknown.get("detail").asText().contains("is unconfirmed"), unknown.toString());
        assertEquals(PostState.UNCONFIRMED, web.publishing.posts().byId(sending.id()).state());
        call("POST", "/api/posts/999999/unschedule", null, 404);
    }

    /** Dogfood web #8: Publish now with no worker running said "a running worker publishes it" and looked done. */
    @Test
    void publishNowSaysWhenNoWorkerRunsAndTheDuePostShowsItIsWaiting() throws Exception {
        Post p = web.post(yt, "Now", "c", Instant.parse("2026-12-02T08:00:00Z"));
        JsonNode r = call("POST", "/api/posts/" + p.id() + "/publish-now", null, 200);
        assertFalse(r.get("workerRunning").asBoolean());
        assertEquals("Due now, but not sent yet. Waiting for a worker: none has ever run on this database; start"
                + " 'tagline publish run' on the server (as a service, so it keeps running), or check that it is still"
                + " running.", r.get("message").asText());
        assertEquals("waiting for worker", r.get("post").get("extendedProps").get("status").asText());
        JsonNode e = call("GET", "/api/calendar?from=2026-11-30&to=2027-01-05&tz=UTC", null, 200).get("events").get(0);
        assertEquals("waiting for worker", e.get("extendedProps").get("status").asText());
        assertTrue(e.get("extendedProps").get("reason").asText().startsWith("Waiting for a worker"), e.toString());

        // the heartbeat 'tagline publish run' writes each poll
        web.publishing.workers().beat("host:42", WebFixture.NOW.minusSeconds(60), Duration.ofSeconds(10),
                WebFixture.NOW.minusSeconds(5));
        e = call("GET", "/api/posts/" + p.id(), null, 200);
        assertEquals("scheduled", e.get("extendedProps").get("status").asText());
        Post q = web.post(yt, "Next", "c", Instant.parse("2026-12-03T08:00:00Z"));
        r = call("POST", "/api/posts/" + q.id() + "/publish-now", null, 200);
        assertTrue(r.get("workerRunning").asBoolean());
        assertEquals("Due now; worker host:42 (seen 5 s ago) publishes it within its poll interval (10 s).",
                r.get("message").asText());

        web.publishing.workers().stopped("host:42", WebFixture.NOW.minusSeconds(2));
        e = call("GET", "/api/posts/" + q.id(), null, 200);
        assertEquals("waiting for worker", e.get("extendedProps").get("status").asText());
        assertTrue(e.get("extendedProps").get("reason").asText().startsWith("Waiting for a worker: none has run since"
                + " 1 Dec 2026 07:59 UTC (the last was host:42)"), e.toString());
    }

    /**
     * Dogfood round 4 F10 in the editor: Publish now shares {@code publish move N now}; the post sent now took the
     * day's {@code --per-day} from the plan and pushed the post planned for later today to the next day. It is
     * outside the plan now: the planned post keeps its time.
     */
    @Test
    void publishNowPushedThePlannedPostToTheNextDay_nowPlannedPostsKeepTheirTimes() throws Exception {
        web.publishing.rules().set(yt.id(), new PostingRule(PostingRule.parseDays("mon-fri"),
                PostingRule.parseTimes("09:00,18:00"), 1, 10, Duration.ofHours(3), Set.of()));
        Post later = web.post(yt, "Later", "c", null);
        Post planned = web.post(yt, "Planned", "c", null);
        call("POST", "/api/auto-schedule", null, 200);
        Instant today18 = Instant.parse("2026-12-01T17:00:00Z"); // Tuesday 18:00 Berlin; the clock is 09:00 there
        assertEquals(today18, web.publishing.posts().byId(planned.id()).scheduledAt());

        JsonNode r = call("POST", "/api/posts/" + later.id() + "/publish-now", null, 200);
        assertEquals(WebFixture.NOW.toString(), r.get("post").get("at").asText());
        assertEquals(Post.PlannedBy.NOW, web.publishing.posts().byId(later.id()).plannedBy());
        assertEquals(today18, web.publishing.posts().byId(planned.id()).scheduledAt(), "it keeps today 18:00");
    }

    /** Re-check #16: a post waiting to be retried showed as plain "scheduled" with no reason. */
    @Test
    void aPostWaitingForItsNextTryShowsRetryingWithTheError() throws Exception {
        web.publishing.workers().beat("w", WebFixture.NOW, Duration.ofSeconds(10), WebFixture.NOW);
        Post p = web.post(yt, "Flaky", "c", Instant.parse("2026-12-01T07:00:00Z"));
        var jobs = web.publishing.jobs();
        var due = new dev.tagline.publish.store.JobStore.Due(p.id(), p.scheduleVersion(), yt.id(), "youtube");
        jobs.claim(due, "w", WebFixture.NOW, WebFixture.NOW.plusSeconds(60)).orElseThrow();
        assertTrue(jobs.retryAt(p.id(), "w", WebFixture.NOW.plusSeconds(600), "HTTP 503 from the upload server",
                WebFixture.NOW));
        JsonNode e = call("GET", "/api/posts/" + p.id(), null, 200);
        assertEquals("retrying", e.get("extendedProps").get("status").asText());
        assertEquals("HTTP 503 from the upload server", e.get("extendedProps").get("reason").asText());
    }

    @Test
    void autoScheduleFillsRuleSlotsAndPublishNowMakesAPostDue() throws Exception {
        Post a = web.post(yt, "A", "c", null);
        Post b = web.post(yt, "B", "c", null);
        JsonNode queue = call("GET", "/api/queue", null, 200).get("posts");
        assertEquals(2, queue.size(), "the calendar's Unscheduled list: " + queue);
        assertEquals(Long.toString(a.id()), queue.get(0).get("id").asText());
        assertEquals("yt", queue.get(0).get("channel").asText());
        Post x = web.post(web.channel("xx", "x", "UTC"), "X", "c", null);
        web.channel("empty", "x", "UTC");
        JsonNode plan = call("POST", "/api/auto-schedule", null, 200);
        // dogfood web #5: a channel without a rule was left out of the answer without a word
        assertEquals(1, plan.get("skipped").size(), "only channels whose queued posts stay unplaced: " + plan);
        assertEquals("xx", plan.get("skipped").get(0).get("channel").asText());
        assertEquals(1, plan.get("skipped").get(0).get("queued").asInt());
        assertEquals("no posting rule: add one under Channels, or give each of its posts a time from the Unscheduled"
                + " list", plan.get("skipped").get(0).get("reason").asText());
        JsonNode left = call("GET", "/api/queue", null, 200).get("posts");
        assertEquals(1, left.size());
        assertEquals(Long.toString(x.id()), left.get(0).get("id").asText());
        assertEquals(2, plan.get("channels").get(0).get("placed").asInt());
        assertEquals(PostState.SCHEDULED, web.publishing.posts().byId(a.id()).state());
        call("POST", "/api/posts/" + b.id() + "/publish-now", null, 200);
        assertEquals(WebFixture.NOW, web.publishing.posts().byId(b.id()).dueAt());
    }
}
