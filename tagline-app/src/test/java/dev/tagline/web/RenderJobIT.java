package dev.tagline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.manifest.ClipCandidate;
import dev.tagline.core.manifest.ClipsFile;
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

/** Issue #10 points 4 and 6: render the found clips of a video from /clips as a background job, with real ffmpeg. */
class RenderJobIT {
    @TempDir
    Path dir;
    WebFixture web;
    WebFixture.Login login;

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(new ProcessBuilder("ffmpeg", "-version").start().waitFor() == 0,
                "needs ffmpeg: apt-get install -y ffmpeg");
        web = WebFixture.start(dir);
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
        return web.send(web.form("/jobs/clips/render", login.cookie(), Map.of("_csrf", login.csrf(),
                "path", "talk.clips.json", "mode", "center", "preset", preset, "captions", "off")));
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
        assertTrue(page.contains("action=\"/jobs/clips/render\"") && page.contains("Render 3 clip(s)"), page);
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
        assertEquals(400, web.send(web.form("/jobs/clips/render", login.cookie(), Map.of("_csrf", login.csrf(),
                "path", "talk.clips.json", "mode", "track"))).statusCode());
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
