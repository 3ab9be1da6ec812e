package dev.tagline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #10 point 6: a job started from a page runs in the background and pushes progress as server-sent events. */
class JobRoutesIT {
    @TempDir
    Path dir;
    WebFixture web;
    WebFixture.Login login;

    @BeforeEach
    void start() throws Exception {
        web = WebFixture.start(dir);
        for (int i = 0; i < 12; i++) {
            DatasetRoutesIT.image(web.media.resolve("set/i" + i + ".png"), Color.getHSBColor(i / 12f, 1, 1));
        }
        login = web.login();
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void theThumbnailJobStreamsProgressUntilDone() throws Exception {
        HttpResponse<String> started = web.send(web.form("/datasets/clips/thumbnails", login.cookie(),
                Map.of("_csrf", login.csrf())));
        assertEquals("/jobs", started.headers().firstValue("Location").orElseThrow());
        HttpResponse<java.util.stream.Stream<String>> events = web.http.send(HttpRequest.newBuilder(
                URI.create(web.base() + "/api/jobs/1/events")).header("Cookie", login.cookie())
                        .header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, events.statusCode());
        assertEquals("text/event-stream", events.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
        List<String> data = events.body().filter(l -> l.startsWith("data:")).toList();
        assertTrue(data.size() >= 1);
        String last = data.get(data.size() - 1);
        assertTrue(last.contains("\"state\":\"done\"") && last.contains("\"done\":12") && last.contains("\"total\":12"), last);
        try (var thumbs = Files.list(dir.resolve("thumbs"))) {
            assertEquals(12, thumbs.count());
        }
        String page = web.send(web.get("/jobs").header("Cookie", login.cookie())).body();
        assertTrue(page.contains("data-job-id=\"1\"") && page.contains("Thumbnails for clips"), page);
        HttpResponse<String> cancel = web.send(HttpRequest.newBuilder(URI.create(web.base() + "/api/jobs/1/cancel"))
                .header("Cookie", login.cookie()).header("X-CSRF-Token", login.csrf())
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals("{\"cancelled\":false}", cancel.body(), "already finished");
        assertEquals(404, web.send(HttpRequest.newBuilder(URI.create(web.base() + "/api/jobs/99/cancel"))
                .header("Cookie", login.cookie()).header("X-CSRF-Token", login.csrf())
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode());
    }
}
