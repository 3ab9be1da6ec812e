package dev.tagline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.manifest.ClipCandidate;
import dev.tagline.core.manifest.ClipManifest;
import dev.tagline.core.manifest.ClipManifests;
import dev.tagline.core.manifest.ClipsFile;
import dev.tagline.publish.store.PostState;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #10 point 4 over HTTP: finder results, review saved into clip.json, queueing to channels. */
class ClipsRoutesIT {
    @TempDir
    Path dir;
    WebFixture web;
    WebFixture.Login login;

    @BeforeEach
    void start() {
        web = WebFixture.start(dir);
        web.channel("yt", "youtube", "Europe/Berlin");
        web.channel("tt", "tiktok", "Europe/Berlin");
        web.post(web.publishing.channels().byName("yt"), "Seed", "seed", null);
        ClipsFile.of(new ClipsFile.Source("talk.mp4", 600), Instant.parse("2026-11-27T02:00:00Z"), "talk.en.vtt",
                List.of(), List.of(new ClipCandidate(1, 12.5, 41.0, 87, new ClipCandidate.SubScores(90, 80, 85, 70, 60),
                        "strong <hook> and a clear payoff", "Nobody reads the manual.", "…", 1),
                        new ClipCandidate(2, 60, 95, 40, new ClipCandidate.SubScores(0, 0, 80, 50, 60), "new text", "",
                                "", null, List.of("Deploying <to> Kubernetes", "kubectl apply -f app.yaml"))))
                .write(web.media.resolve("talk.clips.json"));
        login = web.login();
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private HttpResponse<String> post(String path, Map<String, String> form) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>(form);
        fields.put("_csrf", login.csrf());
        return web.send(web.form(path, login.cookie(), fields));
    }

    @Test
    void thePageShowsFoundClipsWithSubScoresAndEveryRenderedClipWithAPlayer() {
        String html = web.send(web.get("/clips").header("Cookie", login.cookie())).body();
        assertTrue(html.contains("strong &lt;hook&gt; and a clear payoff"), html);
        assertTrue(html.contains("<td>90 · 80 · 85 · 70 · 60</td>"));
        assertTrue(html.contains("<span class=\"screen-text\">on screen: Deploying &lt;to&gt; Kubernetes · kubectl"
                + " apply -f app.yaml</span>"), "a clip without a hook line shows its on-screen text, escaped: "
                + html);
        assertTrue(html.contains("<video controls preload=\"metadata\" src=\"/media/clips/clip-1/clip.mp4\">"), html);
    }

    /**
     * Dogfood: three sections were all headed "tut.mp4" (tut.mp4, c3/tut.mp4, week2/tut.mp4), the clip cards said
     * "from ../../tut.mp4", and every card had id="clip-tut-001".
     */
    @Test
    void videosWithTheSameNameInOtherFoldersReadApartAndTheirCardsHaveUniqueIds() throws Exception {
        for (String folder : List.of("", "c3/", "week2/")) {
            java.nio.file.Files.createDirectories(web.media.resolve(folder + "tut.clips/tut-001"));
            ClipsFile.of(new ClipsFile.Source("tut.mp4", 94), Instant.parse("2026-11-27T02:00:00Z"), null, List.of(),
                    List.of(new ClipCandidate(1, 10, 40, 60, new ClipCandidate.SubScores(1, 1, 1, 1, 1), "", "", "",
                            null))).write(web.media.resolve(folder + "tut.clips.json"));
            ClipManifests.write(web.media.resolve(folder + "tut.clips/tut-001/clip.json"), ClipManifest.of("tut-001",
                    "tut-001.mp4", new ClipManifest.Source("../../tut.mp4", 10, 40), 30, 1080, 1920, 0.6, true,
                    new ClipManifest.Copy("Rebase", "", List.of()), Map.of()));
        }
        String html = web.send(web.get("/clips").header("Cookie", login.cookie())).body();
        for (String video : List.of("tut.mp4", "c3/tut.mp4", "week2/tut.mp4")) {
            assertTrue(html.contains("<h2>" + video + " <small>1:34, 1 clip found</small></h2>"), video + ": " + html);
            assertTrue(html.contains(" · from " + video + " 10.0–40.0 s"), video + ": " + html);
        }
        java.util.regex.Matcher ids = java.util.regex.Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (ids.find()) {
            assertTrue(seen.add(ids.group(1)), "duplicate id " + ids.group(1) + ": " + html);
        }
        assertTrue(seen.containsAll(List.of("clip-clips-tut_clips-tut-001", "clip-clips-c3-tut_clips-tut-001",
                "clip-clips-week2-tut_clips-tut-001")), seen.toString());
    }

    /** A clip in a hidden folder (an old render moved aside) is not listed: /media would not serve it. */
    @Test
    void clipsInHiddenFoldersAreNotListed() throws java.io.IOException {
        java.nio.file.Path aside = java.nio.file.Files.createDirectories(web.media.resolve(".trash/clip-1"));
        java.nio.file.Files.copy(web.media.resolve("clip-1/clip.json"), aside.resolve("clip.json"));
        java.nio.file.Files.copy(web.media.resolve("clip-1/clip.mp4"), aside.resolve("clip.mp4"));
        String json = web.send(web.get("/api/clips").header("Cookie", login.cookie())).body();
        assertTrue(json.contains("\"path\":\"clip-1/clip.json\""), json);
        assertFalse(json.contains(".trash"), json);
    }

    /**
     * Dogfood round 5 G9: a clip queued, then reviewed on this page, kept the copy of queue time in its post (and the
     * calendar showed it). Its posts that have not gone out now take the review's text, unless edited on the calendar.
     */
    @Test
    void aReviewAfterQueueingLeftThePostWithTheOldCopy_nowItTakesTheNewTextUnlessEditedOnTheCalendar() {
        dev.tagline.publish.store.Post seed = web.publishing.posts().inState(PostState.QUEUED).get(0);
        assertEquals("Seed", seed.title());
        HttpResponse<String> r = post("/clips/review?root=clips&path=clip-1/clip.json", Map.of("title",
                "My edited <title>", "caption", "Edited caption & more", "hashtags", "#python, webdev", "accepted",
                "true"));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("Saved and accepted. Post " + seed.id() + " on yt takes this text when it is"
                + " sent."), r.body());
        dev.tagline.publish.store.Post now = web.publishing.posts().byId(seed.id());
        assertEquals("My edited ‹title›", now.title(), "YouTube's variant of the new copy");
        assertEquals("Edited caption &amp; more\n\n#python #webdev".replace("&amp;", "&"), now.caption());

        assertTrue(web.publishing.copies().editCopy(seed.id(), "Mine", "my caption"));
        r = post("/clips/review?root=clips&path=clip-1/clip.json", Map.of("title", "Third", "caption", "Third caption",
                "hashtags", "", "accepted", "true"));
        assertTrue(r.body().contains("Post " + seed.id() + " on yt keeps the text edited on the calendar."), r.body());
        assertEquals("Mine", web.publishing.posts().byId(seed.id()).title());
    }

    @Test
    void reviewWritesTitleCaptionHashtagsAndVerdictIntoClipJson() {
        HttpResponse<String> r = post("/clips/review?root=clips&path=clip-1/clip.json", Map.of("title", "New <title>",
                "caption", "Better caption", "hashtags", "#talk, shorts", "accepted", "false"));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("New &lt;title&gt;") && r.body().contains("rejected"), r.body());
        ClipManifest m = ClipManifests.read(web.media.resolve("clip-1/clip.json"));
        assertFalse(m.accepted());
        assertEquals(new ClipManifest.Copy("New <title>", "Better caption", List.of("talk", "shorts")), m.copy());
    }

    @Test
    void aReviewEditReachesWhatEachPlatformChannelPublishesNotJustTheDefaultCopy() throws java.io.IOException {
        Path folder = java.nio.file.Files.createDirectories(web.media.resolve("tut-002"));
        java.nio.file.Files.copy(web.media.resolve("clip-1/clip.mp4"), folder.resolve("clip.mp4"));
        Path json = folder.resolve("clip.json");
        ClipManifest m = ClipManifest.of("tut-002", "clip.mp4", new ClipManifest.Source("tut.mp4", 10, 40), 30, 1080,
                1920, 0.7, true, null, null);
        ClipManifest.Copy old = new ClipManifest.Copy("Never panic", "Old description", List.of("cherrypick"));
        ClipManifests.write(json, new ClipManifest(m.schema(), m.version(), m.id(), m.video(), m.source(),
                m.durationSeconds(), m.width(), m.height(), m.score(), true, old, Map.of("youtube", old, "tiktok", old,
                "bluesky", old), m.render()));
        HttpResponse<String> r = post("/clips/review?root=clips&path=tut-002/clip.json", Map.of("title",
                "Rebase <safely> in 3 steps", "caption", "Fetch, rebase, push.", "hashtags", "#git #rebase",
                "accepted", "true"));
        assertEquals(200, r.statusCode(), r.body());
        ClipManifest edited = ClipManifests.read(json);
        assertEquals("Rebase ‹safely› in 3 steps", edited.copyFor("youtube").title(), "fitted: no < > on YouTube");
        assertEquals("Rebase <safely> in 3 steps", edited.copyFor("bluesky").title(), "an unfitted platform: the copy");

        r = post("/clips/queue?root=clips&path=tut-002/clip.json", Map.of("channel", "yt"));
        assertEquals(200, r.statusCode(), r.body());
        dev.tagline.publish.store.Post yt = web.publishing.posts().ofChannel(web.publishing.channels().byName("yt")
                .id()).stream().filter(p -> p.title().startsWith("Rebase")).findFirst().orElseThrow();
        assertEquals("Rebase ‹safely› in 3 steps", yt.title());
        assertEquals("Fetch, rebase, push.\n\n#git #rebase", yt.caption());
        r = post("/clips/queue?root=clips&path=tut-002/clip.json", Map.of("channel", "tt"));
        assertEquals(200, r.statusCode(), r.body());
        dev.tagline.publish.store.Post tt = web.publishing.posts().ofChannel(web.publishing.channels().byName("tt")
                .id()).get(0);
        assertTrue(tt.caption().contains("#git #rebase") && !tt.caption().contains("cherrypick"), tt.caption());
    }

    @Test
    void clipReviewCutTheTitleTo60ForEveryPlatform_nowEachOwnLimitAndTheCardSaysWhatWasCut() {
        String title = "How I fixed every single git rebase conflict in my team in one afternoon";
        HttpResponse<String> r = post("/clips/review?root=clips&path=clip-1/clip.json", Map.of("title", title,
                "caption", "Fetch, rebase, push.", "hashtags", "#git", "accepted", "true"));
        assertEquals(200, r.statusCode(), r.body());
        ClipManifest m = ClipManifests.read(web.media.resolve("clip-1/clip.json"));
        for (String platform : List.of("youtube", "tiktok", "x", "linkedin", "instagram")) {
            assertEquals(title, m.copyFor(platform).title(), platform);
        }
        assertFalse(r.body().contains("class=\"cuts\""), r.body());
        String longTitle = title + ", and why the next one took a week: the same mistake, twice, in two repos";
        r = post("/clips/review?root=clips&path=clip-1/clip.json", Map.of("title", longTitle, "caption", "a <b> c",
                "hashtags", "#a #b #c #d", "accepted", "true"));
        m = ClipManifests.read(web.media.resolve("clip-1/clip.json"));
        assertEquals(longTitle, m.copyFor("tiktok").title(), "TikTok: no title field, nothing to cut");
        String yt = m.copyFor("youtube").title();
        assertTrue(yt.length() <= 100 && yt.endsWith("…"), yt);
        assertTrue(r.body().contains("<li>youtube: title cut to " + yt.length() + " characters, description: &lt; &gt;"
                + " shown as ‹ ›</li>"), r.body());
        assertTrue(r.body().contains("<li>x: 3 of 4 hashtags kept</li>"), r.body());
    }

    @Test
    void clipReviewAcceptedAnEmptyTitleAndCaption_nowRefusedWithOneLine() {
        ClipManifest before = ClipManifests.read(web.media.resolve("clip-1/clip.json"));
        HttpResponse<String> r = post("/clips/review?root=clips&path=clip-1/clip.json", Map.of("title", "  ",
                "caption", "", "hashtags", "", "accepted", "true"));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("Not accepted: the clip has no title") && r.body().contains("Give it a title"),
                r.body());
        r = post("/clips/review?root=clips&path=clip-1/clip.json", Map.of("title", "A title", "caption", " ",
                "hashtags", "", "accepted", "true"));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("no description"), r.body());
        assertEquals(before, ClipManifests.read(web.media.resolve("clip-1/clip.json")), "nothing written");
    }

    @Test
    void queueingCreatesOnePostPerTickedChannelWithThatPlatformsCopy() {
        HttpResponse<String> r = web.send(web.form("/clips/queue?root=clips&path=clip-1%2Fclip.json", login.cookie(),
                Map.of("_csrf", login.csrf())).POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                "_csrf=" + login.csrf() + "&channel=tt")));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("Queued on tt (post 2)"), r.body());
        assertEquals(PostState.QUEUED, web.publishing.posts().byId(2).state());
    }

    /** Dogfood web #5: the duplicate-queue error told the web user to run 'tagline publish move/cancel'. */
    @Test
    void queueingAClipTwiceOnAChannelSaysWhereToChangeItInTheWebAppNotOnTheCommandLine() {
        assertEquals(200, post("/clips/queue?root=clips&path=clip-1/clip.json", Map.of("channel", "tt")).statusCode());
        HttpResponse<String> r = web.send(web.form("/clips/queue?root=clips&path=clip-1/clip.json", login.cookie(),
                Map.of("_csrf", login.csrf(), "channel", "tt")).header("HX-Request", "true"));
        assertEquals(400, r.statusCode());
        assertEquals("<p class=\"error\" role=\"alert\">Clip clip-1 is already on channel &#39;tt&#39; as post 2"
                + " (queued). Open post 2 on the Calendar to change its time or cancel it.</p>", r.body());
    }

    /** Dogfood round 5 G4: a clip whose post is unconfirmed pointed at changing its time or cancelling it, both refused. */
    @Test
    void queueingAClipWhosePostIsUnconfirmedPointedAtMoveAndCancel_nowAtRecordingWhatTheUserFound() {
        dev.tagline.publish.store.Post seed = web.publishing.posts().inState(PostState.QUEUED).get(0);
        web.publishing.posts().schedule(seed.id(), seed.scheduleVersion(), WebFixture.NOW, dev.tagline.publish.store
                .Post.PlannedBy.USER);
        web.unconfirm(seed);
        HttpResponse<String> r = web.send(web.form("/clips/queue?root=clips&path=clip-1/clip.json", login.cookie(),
                Map.of("_csrf", login.csrf(), "channel", "yt")).header("HX-Request", "true"));
        assertEquals(400, r.statusCode());
        assertEquals("<p class=\"error\" role=\"alert\">Clip clip-1 is already on channel &#39;yt&#39; as post "
                + seed.id() + " (unconfirmed). Whether the platform has it is not known. Open post " + seed.id()
                + " on the Calendar, check the platform, and record what you found: Posted or Not posted.</p>",
                r.body());
    }

    /**
     * Dogfood round 6 H8: queueing on a channel with no posting rule said "Auto-schedule on the calendar gives it a
     * time", which passes such a channel over; with no channel at all the card had no Queue form and no word why.
     */
    @Test
    void queueingOnAChannelWithoutARuleSaidAutoScheduleGivesItATime_nowItSaysToSetARuleAndNoChannelIsExplained() {
        HttpResponse<String> r = post("/clips/queue?root=clips&path=clip-1/clip.json", Map.of("channel", "tt"));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("Queued on tt (post 2). tt has no posting rule: set one first (Channels page, or"
                + " &#39;tagline publish rules set tt --times 09:00&#39;) or give the post a time on the calendar."),
                r.body());
        assertFalse(r.body().contains("Auto-schedule on the calendar gives it a time"), r.body());

        web.publishing.channels().remove("tt");
        web.publishing.channels().remove("yt");
        String page = web.send(web.get("/clips").header("Cookie", login.cookie())).body();
        assertFalse(page.contains("queue-form"), page);
        assertTrue(page.contains("No channel to queue it on yet: add one on the command line, e.g. <code>tagline"
                + " publish channels add NAME --platform folder --option path=DIR</code>, then reload."), page);
    }

    /** Dogfood round 6 H13: the Queue form offered a channel the clip was already on; only Queue then said so. */
    @Test
    void theQueueFormOfferedAChannelTheClipWasAlreadyOn_nowItIsDisabledNamingThePost() {
        HttpResponse<String> r = post("/clips/queue?root=clips&path=clip-1/clip.json", Map.of("channel", "tt"));
        assertEquals(200, r.statusCode(), r.body());
        String disabled = "<input type=\"checkbox\" name=\"channel\" value=\"tt\" disabled> tt (tiktok): already post 2"
                + " (queued)</label>";
        assertTrue(r.body().contains(disabled), r.body());
        String page = web.send(web.get("/clips").header("Cookie", login.cookie())).body();
        assertTrue(page.contains(disabled), page);
    }

    @Test
    void aChannelThatRefusesTheClipDoesNotStopTheOthers() {
        web.channel("tt2", "tiktok", "Europe/Berlin");
        assertEquals(200, post("/clips/queue?root=clips&path=clip-1/clip.json", Map.of("channel", "tt")).statusCode());
        // tt already has it; tt2 does not: tt2 is queued and the card says why tt was not
        HttpResponse<String> r = web.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(web.base()
                + "/clips/queue?root=clips&path=clip-1/clip.json")).header("Cookie", login.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded").POST(java.net.http.HttpRequest
                        .BodyPublishers.ofString("_csrf=" + java.net.URLEncoder.encode(login.csrf(),
                                java.nio.charset.StandardCharsets.UTF_8) + "&channel=tt&channel=tt2")));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("Queued on tt2 (post 3).") && r.body().contains("Not queued on tt: Clip clip-1 is"
                + " already on channel &#39;tt&#39; as post 2 (queued)."), r.body());
    }

    @Test
    void aRejectedClipIsNotQueued() {
        post("/clips/review?root=clips&path=clip-1/clip.json", Map.of("title", "t", "caption", "c", "hashtags", "",
                "accepted", "false"));
        HttpResponse<String> r = post("/clips/queue?root=clips&path=clip-1/clip.json", Map.of("channel", "tt"));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("is rejected"), r.body());
    }

    @Test
    void htmxFormsFailSilentlyNoMore_anHtmxRequestGetsTheErrorAsOneEscapedLine() {
        post("/clips/review?root=clips&path=clip-1/clip.json", Map.of("title", "t", "caption", "c", "hashtags", "",
                "accepted", "false"));
        java.util.Map<String, String> fields = Map.of("_csrf", login.csrf(), "channel", "tt");
        HttpResponse<String> r = web.send(web.form("/clips/queue?root=clips&path=clip-1/clip.json", login.cookie(),
                fields).header("HX-Request", "true"));
        assertEquals(400, r.statusCode());
        assertEquals("<p class=\"error\" role=\"alert\">Clip clip-1 is rejected. Accept it first (Save and accept),"
                + " then queue it.</p>", r.body());
    }

    @Test
    void aPathOutsideTheRootOrNotAClipFileIs404() {
        assertEquals(404, post("/clips/review?root=clips&path=../x/clip.json", Map.of("accepted", "true")).statusCode());
        assertEquals(404, post("/clips/review?root=clips&path=clip-1/clip.mp4", Map.of("accepted", "true")).statusCode());
    }

    /**
     * dogfooding H7: every media folder, image datasets included, had a free-text "Video in FOLDER" box; now a picker of
     * the videos below it (without clips first; no rendered clip's video, no hidden file), and a folder without videos
     * gets a line saying so instead of a form.
     */
    @Test
    void theFindFormWasAFreeTextBoxForEveryFolder_nowAPickerOfItsVideosOrALineWhyNot(@TempDir Path other)
            throws Exception {
        Path photos = java.nio.file.Files.createDirectories(other.resolve("photos"));
        DatasetRoutesIT.image(photos.resolve("a.png"), java.awt.Color.RED);
        try (WebFixture two = new WebFixture(other, WebFixture.PASSWORD, Map.of(), Map.of("photos", photos))) {
            java.nio.file.Files.copy(web.media.resolve("talk.clips.json"), two.media.resolve("talk.clips.json"));
            for (String f : List.of("talk.mp4", "talks/keynote.MOV", "talks/.trash/old.mp4",
                    "talk.clips/talk-001/talk-001.mp4")) {
                java.nio.file.Files.createDirectories(two.media.resolve(f).getParent());
                java.nio.file.Files.writeString(two.media.resolve(f), "x");
            }
            ClipManifests.write(two.media.resolve("talk.clips/talk-001/clip.json"), ClipManifest.of("talk-001",
                    "talk-001.mp4", new ClipManifest.Source("../../talk.mp4", 10, 40), 30, 1080, 1920, 0.5, false,
                    new ClipManifest.Copy("t", "c", List.of()), Map.of()));
            WebFixture.Login l = two.login();
            String html = two.send(two.get("/clips").header("Cookie", l.cookie())).body();
            assertTrue(html.contains("<select name=\"path\" required><optgroup label=\"Without clips\"><option"
                    + " value=\"talks/keynote.MOV\">talks/keynote.MOV</option></optgroup><optgroup label=\"Clips found"
                    + " (finding again replaces them)\"><option value=\"talk.mp4\">talk.mp4</option></optgroup>"
                    + "</select>"), html);
            assertFalse(html.contains("old.mp4") || html.contains("value=\"talk.clips/"), html);
            assertFalse(html.contains("action=\"/jobs/photos/find\""), html);
            assertTrue(html.contains("No videos in photos (up to 4 folders deep), so no clips to find there"), html);
        }
    }
}
