package dev.tagline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.testkit.openai.FakeOpenAiServer;
import java.awt.Color;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #10 point 6 with #6: {@code caption} started from the dataset page, against the fake OpenAI-compatible server
 * (the key comes from the server's environment, never from the form).
 */
class CaptionJobIT {
    @TempDir
    Path dir;
    WebFixture web;
    WebFixture.Login login;
    final FakeOpenAiServer server = FakeOpenAiServer.start().requireApiKey("sk-web");

    @BeforeEach
    void start() throws Exception {
        web = new WebFixture(dir, WebFixture.PASSWORD, Map.of("TAGLINE_HOME", dir.resolve("home").toString(),
                "HF_HUB_OFFLINE", "1", "TAGLINE_OPENAI_API_KEY", "sk-web"));
        for (int i = 0; i < 3; i++) {
            DatasetRoutesIT.image(web.media.resolve("set/i" + i + ".png"), Color.getHSBColor(i / 3f, 1, 0.5f));
        }
        Files.writeString(web.media.resolve("set/i0.caption"), "kept");
        server.answers(call -> "The image shows a small coloured square.");
        login = web.login();
    }

    @AfterEach
    void stop() {
        web.close();
        server.close();
    }

    @Test
    void theCaptionJobWritesCleanCaptionsKeepsExistingOnesAndRefusesBadInput() throws Exception {
        HttpResponse<String> started = web.send(web.form("/jobs/clips/caption", login.cookie(), Map.of(
                "_csrf", login.csrf(), "captioner", "openai:llava:7b", "endpoint", server.baseUrl(), "existing",
                "skip")));
        assertEquals("/jobs", started.headers().firstValue("Location").orElseThrow(), started.body());
        HttpResponse<Stream<String>> events = web.http.send(HttpRequest.newBuilder(URI.create(web.base()
                + "/api/jobs/1/events")).header("Cookie", login.cookie()).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        List<String> data = events.body().filter(l -> l.startsWith("data:")).toList();
        String last = data.get(data.size() - 1);
        assertTrue(last.contains("\"state\":\"done\"") && last.contains("\"message\":\"2 images captioned with"
                + " openai:llava:7b, 1 passed over (1 image whose sidecar exists), none failed.\""), last);
        assertEquals("kept", Files.readString(web.media.resolve("set/i0.caption")), "existing=skip");
        assertEquals("A small coloured square.", Files.readString(web.media.resolve("set/i1.caption")).strip());
        assertEquals(2, server.chats().size());
        String page = web.send(web.get("/datasets/clips").header("Cookie", login.cookie())).body();
        assertTrue(page.contains("id=\"start-caption\""), page);
        assertEquals(400, web.send(web.form("/jobs/clips/caption", login.cookie(), Map.of("_csrf", login.csrf(),
                "captioner", "openai:llava", "endpoint", "file:///etc/passwd"))).statusCode());
        assertEquals(400, web.send(web.form("/jobs/clips/caption", login.cookie(), Map.of("_csrf", login.csrf(),
                "captioner", "../x"))).statusCode());
        assertEquals(403, web.send(web.form("/jobs/clips/caption", login.cookie(), Map.of(
                "captioner", "tags"))).statusCode(), "no CSRF token");
    }

    /**
     * dogfooding G8, the caption job: with {@code evil.html} and {@code evil.svg} beside the images it ended as
     * "2 of 5 image(s) captioned …, 3 passed over (their sidecars exist)": the files that are not images counted as
     * images with captions, and the link passed over went unmentioned.
     */
    @Test
    void theCaptionJobCountedFilesThatAreNotImagesAsImagesWithSidecars_nowItCountsAsTheCliDoes() throws Exception {
        Files.writeString(web.media.resolve("set/evil.html"), "<script>alert(1)</script>");
        Files.writeString(web.media.resolve("set/evil.svg"), "<svg onload=alert(1)></svg>");
        Files.createSymbolicLink(web.media.resolve("set/passwd.jpg"), Path.of("/etc/passwd"));
        web.send(web.form("/jobs/clips/caption", login.cookie(), Map.of("_csrf", login.csrf(), "captioner",
                "openai:llava:7b", "endpoint", server.baseUrl())));
        HttpResponse<Stream<String>> events = web.http.send(HttpRequest.newBuilder(URI.create(web.base()
                + "/api/jobs/1/events")).header("Cookie", login.cookie()).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        List<String> data = events.body().filter(l -> l.startsWith("data:")).toList();
        String last = data.get(data.size() - 1);
        assertTrue(last.contains("\"message\":\"2 images captioned with openai:llava:7b, 3 passed over (1 image whose"
                + " sidecar exists, 2 files that are not images), none failed. 1 symbolic link passed over: jobs started"
                + " here never follow links; run 'tagline caption --follow-links' on the folder to follow it.\""), last);
        assertEquals(2, server.chats().size());
    }
}
