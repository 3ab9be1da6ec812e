package dev.tagline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.manifest.ClipCandidate;
import dev.tagline.core.manifest.ClipsFile;
import dev.tagline.inference.BuiltinModels;
import dev.tagline.inference.TestModels;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #10 points 4 and 6: render the found clips of a video from /clips as a background job, with real ffmpeg and
 * the built-in face model for the reframing modes that track faces.
 */
class RenderJobIT {
    @TempDir
    Path dir;
    WebFixture web;
    WebFixture.Login login;

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(new ProcessBuilder("ffmpeg", "-version").start().waitFor() == 0,
                "needs ffmpeg: apt-get install -y ffmpeg");
        Path home = TestModels.home(BuiltinModels.FACES);
        web = new WebFixture(dir, WebFixture.PASSWORD, Map.of("TAGLINE_HOME", home.toString(), "HF_HUB_OFFLINE", "1"));
        Process ff = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                "testsrc2=duration=12:size=320x180:rate=25", "-f", "lavfi", "-i", "sine=frequency=440:duration=12",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
                web.media.resolve("talk.mp4").toString()).inheritIO().start();
        assertEquals(0, ff.waitFor());
        List<ClipCandidate> clips = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clips.add(new ClipCandidate(i + 1, 1 + 3.5 * i, 3.5 + 3.5 * i, 80 - i,
                    new ClipCandidate.SubScores(80, 70, 75, 60, 50), "clip " + i, "Hook " + i, "…", 1));
        }
        ClipsFile.of(new ClipsFile.Source("talk.mp4", 12), Instant.parse("2026-11-27T02:00:00Z"), null, List.of(),
                clips).write(web.media.resolve("talk.clips.json"));
        login = web.login();
    }

    @AfterEach
    void stop() {
        if (web != null) {
            web.close();
        }
    }

    private HttpResponse<String> startRender(String preset) {
        return startRender(Map.of("mode", "center", "preset", preset));
    }

    private HttpResponse<String> startRender(Map<String, String> fields) {
        Map<String, String> form = new java.util.HashMap<>(Map.of("_csrf", login.csrf(), "path", "talk.clips.json",
                "preset", "ultrafast", "captions", "off"));
        form.putAll(fields);
        return web.send(web.form("/jobs/clips/render", login.cookie(), form));
    }

    private String lastEvent(String id) throws Exception {
        HttpResponse<Stream<String>> events = web.http.send(HttpRequest.newBuilder(URI.create(web.base()
                + "/api/jobs/" + id + "/events")).header("Cookie", login.cookie()).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        List<String> data = events.body().filter(l -> l.startsWith("data:")).toList();
        return data.get(data.size() - 1);
    }

    @Test
    void theClipsPageRendersAVideosClipsWithProgressAndTheyAppearForReview() throws Exception {
        String page = web.send(web.get("/clips").header("Cookie", login.cookie())).body();
        assertTrue(page.contains("action=\"/jobs/clips/render\"") && page.contains("Render 3 clips"), page);
        assertEquals(302, startRender("ultrafast").statusCode());
        String last = lastEvent("1");
        assertTrue(last.contains("\"state\":\"done\"") && last.contains("\"done\":3") && last.contains("\"total\":3"),
                last);
        try (Stream<Path> manifests = Files.walk(web.media.resolve("talk.clips"))) {
            assertEquals(3, manifests.filter(p -> p.getFileName().toString().equals("clip.json")).count());
        }
        String after = web.send(web.get("/clips").header("Cookie", login.cookie())).body();
        assertEquals(3, after.split("<article class=\"clip\"").length - 1, after);
        assertEquals(400, web.send(web.form("/jobs/clips/render", login.cookie(), Map.of("_csrf", login.csrf(),
                "path", "../outside.clips.json"))).statusCode());
        assertEquals(400, startRender(Map.of("mode", "zoom")).statusCode());
    }

    @Test
    void aspectAndCaptionStyleAreChosenOnThePage() throws Exception {
        String page = web.send(web.get("/clips").header("Cookie", login.cookie())).body();
        for (String option : new String[] {"9:16", "4:5", "1:1", "16:9", "bold", "clean", "gold"}) {
            assertTrue(page.contains("<option value=\"" + option + "\">"), option + " offered: " + page);
        }
        assertEquals(302, startRender(Map.of("mode", "center", "aspect", "1:1", "style", "clean", "captions", "on"))
                .statusCode());
        String last = lastEvent("1");
        assertTrue(last.contains("\"state\":\"done\""), last);
        String manifest = Files.readString(web.media.resolve("talk.clips/talk-001/clip.json")).replaceAll("\\s", "");
        assertTrue(manifest.contains("\"width\":1080,\"height\":1080") && manifest.contains("\"aspect\":\"1:1\""),
                manifest);
        assertEquals(400, startRender(Map.of("aspect", "2:3")).statusCode());
        assertEquals(400, startRender(Map.of("style", "comic")).statusCode());
    }

    @Test
    void aVideoWithoutClipsShowsWhyAndNoRenderButton() {
        String why = "The video is 0:20 long, shorter than the shortest clip (--min 30); try a lower --min.";
        ClipsFile.of(new ClipsFile.Source("short.mp4", 20.4), Instant.parse("2026-11-27T02:00:00Z"), null,
                List.of(why), List.of()).write(web.media.resolve("short.clips.json"));
        String page = web.send(web.get("/clips").header("Cookie", login.cookie())).body();
        assertTrue(page.contains("short.mp4 <small>0:20, no clips found</small>"), page);
        assertTrue(page.contains("<li>" + why + "</li>"), page);
        assertTrue(page.contains("talk.mp4 <small>0:12, 3 clips found</small>"), page);
        assertEquals(1, page.split("class=\"render-form\"").length - 1, "a render button for talk.mp4 only: " + page);
    }

    @Test
    void faceTrackingModesRenderWithTheBuiltInFaceModelAndAutoIsTheDefault() throws Exception {
        String page = web.send(web.get("/clips").header("Cookie", login.cookie())).body();
        java.util.List<String> modes = new java.util.ArrayList<>(java.util.List.of("auto"));
        for (dev.tagline.video.render.ReframeMode m : dev.tagline.video.render.ReframeMode.values()) {
            modes.add(m.id()); // every mode the CLI takes
        }
        for (String mode : modes) {
            assertTrue(page.contains("<option value=\"" + mode + "\">" + mode + "</option>"),
                    mode + " offered: " + page);
        }
        assertTrue(page.indexOf(">auto</option>") < page.indexOf(">blur-pad</option>"),
                "auto first, as in the CLI");
        assertEquals(302, startRender(Map.of("mode", "track")).statusCode());
        String last = lastEvent("1");
        assertTrue(last.contains("\"state\":\"done\"") && last.contains("\"done\":3"), last);
        Path manifest = web.media.resolve("talk.clips/talk-001/clip.json");
        assertTrue(Files.readString(manifest).replaceAll("\\s", "").contains("\"mode\":\"track\""),
                Files.readString(manifest));
        Map<String, String> noMode = new java.util.HashMap<>(Map.of("_csrf", login.csrf(), "path", "talk.clips.json",
                "preset", "ultrafast", "captions", "off"));
        assertEquals(302, web.send(web.form("/jobs/clips/render", login.cookie(), noMode)).statusCode());
        last = lastEvent("2");
        assertTrue(last.contains("\"state\":\"done\"") && last.contains("\"done\":3"), last);
    }

    /**
     * Dogfood: progress stayed 0/1 with an empty task for the whole clip, and a cancel during the only clip still
     * rendered it fully, then said "Cancelled after 1 of 1".
     */
    @Test
    void aRenderShowsTheClipItIsOnAndACancelStopsFfmpegInTheMiddleOfIt() throws Exception {
        ClipsFile.of(new ClipsFile.Source("talk.mp4", 12), Instant.parse("2026-11-27T02:00:00Z"), null, List.of(),
                List.of(new ClipCandidate(1, 0.5, 11.5, 80, new ClipCandidate.SubScores(80, 70, 75, 60, 50), "",
                        "Hook", "…", 1))).write(web.media.resolve("talk.clips.json"));
        assertEquals(302, startRender(Map.of("mode", "center", "preset", "slow")).statusCode());
        String running = "";
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (!running.contains("\"task\":\"Rendering talk-001 (clip 1 of 1)\"") && System.nanoTime() < deadline) {
            Thread.sleep(50);
            running = web.send(web.get("/api/jobs").header("Cookie", login.cookie())).body();
        }
        assertTrue(running.contains("\"task\":\"Rendering talk-001 (clip 1 of 1)\""), running);
        assertTrue(running.contains("\"total\":11"), "seconds of the clip: " + running);
        assertTrue(running.contains("\"state\":\"running\""), "still encoding: " + running);
        HttpResponse<String> cancel = web.send(HttpRequest.newBuilder(URI.create(web.base() + "/api/jobs/1/cancel"))
                .header("Cookie", login.cookie()).header("X-CSRF-Token", login.csrf())
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals("{\"cancelled\":true}", cancel.body());
        String last = lastEvent("1");
        assertTrue(last.contains("\"state\":\"cancelled\""), last);
        assertTrue(last.contains("Cancelled while rendering talk-001 (clip 1 of 1); its unfinished files were removed"
                + " and any earlier render of it kept. 0 of 1 clip rendered"), last);
        assertTrue(!Files.exists(web.media.resolve("talk.clips/talk-001")), "the clip was not finished and kept");
    }

    @Test
    void aCancelledRenderStopsBeforeTheNextClip() throws Exception {
        assertEquals(302, startRender("medium").statusCode());
        HttpResponse<String> cancel = web.send(HttpRequest.newBuilder(URI.create(web.base() + "/api/jobs/1/cancel"))
                .header("Cookie", login.cookie()).header("X-CSRF-Token", login.csrf())
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals("{\"cancelled\":true}", cancel.body());
        String last = lastEvent("1");
        assertTrue(last.contains("\"state\":\"cancelled\"") && !last.contains("\"done\":3"), last);
    }
}
