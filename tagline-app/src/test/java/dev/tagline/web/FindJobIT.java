package dev.tagline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.manifest.ClipCandidate;
import dev.tagline.core.manifest.ClipsFile;
import dev.tagline.inference.BuiltinModels;
import dev.tagline.inference.TestModels;
import dev.tagline.testkit.openai.FakeOpenAiServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #10 point 6: {@code clips find} started from /clips, with ffmpeg and the built-in models; and its cancel. */
class FindJobIT {
    @TempDir
    Path dir;
    WebFixture web;
    WebFixture.Login login;

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(new ProcessBuilder("ffmpeg", "-version").start().waitFor() == 0,
                "needs ffmpeg: apt-get install -y ffmpeg");
        Path home = TestModels.home(BuiltinModels.SPEECH, BuiltinModels.OCR, BuiltinModels.EMBEDDINGS);
        web = new WebFixture(dir, WebFixture.PASSWORD, Map.of("TAGLINE_HOME", home.toString()));
        Files.createDirectories(web.media.resolve("talks"));
        Process ff = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                "testsrc=d=80:s=160x120:r=10", "-f", "lavfi", "-i", "sine=d=80", "-c:v", "libx264", "-c:a", "aac",
                "-shortest", web.media.resolve("talks/talk.mp4").toString()).inheritIO().start();
        assertEquals(0, ff.waitFor());
        StringBuilder srt = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            srt.append(i + 1).append("\n00:00:").append(String.format("%02d", i * 5)).append(",000 --> 00:00:")
                    .append(String.format("%02d", i * 5 + 4)).append(",000\n")
                    .append(i == 4 ? "Here's the trick nobody tells you." : "Step " + i + " of the setup.")
                    .append("\n\n");
        }
        Files.writeString(web.media.resolve("talks/talk.srt"), srt);
        login = web.login();
    }

    @AfterEach
    void stop() {
        if (web != null) {
            web.close();
        }
    }

    private String lastEvent(String id) throws Exception {
        HttpResponse<Stream<String>> events = web.http.send(HttpRequest.newBuilder(URI.create(web.base()
                + "/api/jobs/" + id + "/events")).header("Cookie", login.cookie()).header("Accept", "text/event-stream")
                .build(), HttpResponse.BodyHandlers.ofLines());
        List<String> data = events.body().filter(l -> l.startsWith("data:")).toList();
        return data.get(data.size() - 1);
    }

    /** Starts a find with {@code fields} (of talks/talk.mp4 unless they give a path) as job 1; its last event. */
    private String findTalk(Map<String, String> fields) throws Exception {
        Map<String, String> form = new java.util.HashMap<>(fields);
        form.put("_csrf", login.csrf());
        form.putIfAbsent("path", "talks/talk.mp4");
        assertEquals(302, web.send(web.form("/jobs/clips/find", login.cookie(), form)).statusCode());
        return lastEvent("1");
    }

    @Test
    void findWritesTheClipsFileAndTheClipsPageOffersToRenderThem() throws Exception {
        String page = web.send(web.get("/clips").header("Cookie", login.cookie())).body();
        assertTrue(page.contains("action=\"/jobs/clips/find\""), page);
        String last = findTalk(Map.of("count", "2"));
        assertTrue(last.contains("\"state\":\"done\"") && last.contains("2 clips found; wrote talks/talk.clips.json"),
                last);
        assertTrue(last.matches(".*\"count\":\"\\d+:\\d\\d/\\d+:\\d\\d\".*"),
                "media time, as on the command line: " + last);
        assertEquals(2, ClipsFile.read(web.media.resolve("talks/talk.clips.json")).clips().size());
        String after = web.send(web.get("/clips").header("Cookie", login.cookie())).body();
        assertTrue(after.contains("Here&#39;s the trick nobody tells you.") && after.contains("Render 2 clips"), after);
        assertEquals(400, web.send(web.form("/jobs/clips/find", login.cookie(), Map.of("_csrf", login.csrf(),
                "path", "talks/none.mp4"))).statusCode());
    }

    @Test
    void theLengthPresetSetsTheClipLengths() throws Exception {
        String page = web.send(web.get("/clips").header("Cookie", login.cookie())).body();
        assertTrue(page.contains("<option value=\"short\">short (15-30 s)</option>"), page);
        String last = findTalk(Map.of("length", "short"));
        assertTrue(last.contains("\"state\":\"done\""), last);
        List<ClipCandidate> clips = ClipsFile.read(web.media.resolve("talks/talk.clips.json")).clips();
        assertFalse(clips.isEmpty());
        for (ClipCandidate c : clips) {
            double length = c.endSeconds() - c.startSeconds();
            assertTrue(length >= 15 - 0.5 && length <= 30 + 0.5, "a short clip: " + c);
        }
        assertEquals(400, web.send(web.form("/jobs/clips/find", login.cookie(), Map.of("_csrf", login.csrf(),
                "path", "talks/talk.mp4", "length", "epic"))).statusCode());
    }

    @Test
    void aVideoWithoutSubtitlesIsTranscribedAtTheSpeechToTextEndpointGiven() throws Exception {
        Process ff = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                "testsrc=d=40:s=160x120:r=10", "-f", "lavfi", "-i", "flite=text='Here is the trick nobody tells you."
                + " Rebase keeps the history clean. Try it on your next branch today.'", "-af", "apad", "-t", "40",
                "-c:v", "libx264", "-c:a", "aac", web.media.resolve("talks/spoken.mp4").toString()).inheritIO().start();
        assertEquals(0, ff.waitFor());
        String page = web.send(web.get("/clips").header("Cookie", login.cookie())).body();
        assertTrue(page.contains("name=\"endpoint\"") && page.contains("name=\"stt_model\""), page);
        try (FakeOpenAiServer server = FakeOpenAiServer.start()) {
            server.hears(upload -> List.of(new FakeOpenAiServer.HeardWord("Here's", 0.2, 0.5),
                    new FakeOpenAiServer.HeardWord("the", 0.5, 0.6),
                    new FakeOpenAiServer.HeardWord("trick.", 0.6, 1.0)));
            String last = findTalk(Map.of("path", "talks/spoken.mp4", "length", "short", "endpoint",
                    server.baseUrl(), "stt_model", "faster-whisper-small"));
            assertTrue(last.contains("\"state\":\"done\""), last);
            assertFalse(server.uploads().isEmpty(), "the speech was sent to the endpoint");
            assertEquals(List.of("faster-whisper-small"), server.uploads().get(0).fields().get("model"));
            assertEquals("speech-to-text (faster-whisper-small)",
                    ClipsFile.read(web.media.resolve("talks/spoken.clips.json")).transcript());
        }
        for (String bad : new String[] {"file:///etc/passwd", "not a url"}) {
            assertEquals(400, web.send(web.form("/jobs/clips/find", login.cookie(), Map.of("_csrf", login.csrf(),
                    "path", "talks/spoken.mp4", "endpoint", bad))).statusCode(), bad);
        }
    }

    @Test
    void aCancelledFindStopsWithoutWritingAClipsFile() throws Exception {
        assertEquals(302, web.send(web.form("/jobs/clips/find", login.cookie(), Map.of("_csrf", login.csrf(),
                "path", "talks/talk.mp4"))).statusCode());
        Thread.sleep(300);
        HttpResponse<String> cancel = web.send(HttpRequest.newBuilder(URI.create(web.base() + "/api/jobs/1/cancel"))
                .header("Cookie", login.cookie()).header("X-CSRF-Token", login.csrf())
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals("{\"cancelled\":true}", cancel.body());
        String last = lastEvent("1");
        assertTrue(last.contains("\"state\":\"cancelled\""), last);
        assertTrue(Files.notExists(web.media.resolve("talks/talk.clips.json")));
    }
}
