package dev.tagline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.inference.BuiltinModels;
import dev.tagline.inference.TestModels;
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

/** Issue #10 point 6: {@code tag} started from the dataset page, with the real quality tagger (face and text models). */
class TagJobIT {
    @TempDir
    Path dir;
    WebFixture web;
    WebFixture.Login login;

    @BeforeEach
    void start() throws Exception {
        Path home = TestModels.home(BuiltinModels.FACES, BuiltinModels.OCR);
        web = new WebFixture(dir, WebFixture.PASSWORD, Map.of("TAGLINE_HOME", home.toString(), "HF_HUB_OFFLINE", "1"));
        for (int i = 0; i < 3; i++) {
            DatasetRoutesIT.image(web.media.resolve("set/i" + i + ".png"), Color.getHSBColor(i / 3f, 1, 0.1f));
        }
        Files.writeString(web.media.resolve("set/i0.txt"), "kept");
        login = web.login();
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void theTagJobWritesSidecarsSkipsTaggedImagesAndTheGalleryShowsTheTags() throws Exception {
        HttpResponse<String> started = web.send(web.form("/jobs/clips/tag", login.cookie(),
                Map.of("_csrf", login.csrf(), "tagger", "quality", "existing", "skip")));
        assertEquals("/jobs", started.headers().firstValue("Location").orElseThrow());
        HttpResponse<Stream<String>> events = web.http.send(HttpRequest.newBuilder(URI.create(web.base()
                + "/api/jobs/1/events")).header("Cookie", login.cookie()).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        List<String> data = events.body().filter(l -> l.startsWith("data:")).toList();
        String last = data.get(data.size() - 1);
        assertTrue(last.contains("\"state\":\"done\"") && last.contains("image(s) tagged with quality"), last);
        assertTrue(last.contains(", 1 passed over (their sidecars exist)"), "i0 was not tagged: " + last);
        assertEquals("kept", Files.readString(web.media.resolve("set/i0.txt")), "existing=skip");
        String tags = Files.readString(web.media.resolve("set/i1.txt"));
        assertTrue(tags.contains("dark"), tags);
        String gallery = web.send(web.get("/datasets/clips?tag=dark").header("Cookie", login.cookie())).body();
        assertTrue(gallery.contains("set/i1.png") && gallery.contains("id=\"start-tag\""), gallery);
        assertEquals(400, web.send(web.form("/jobs/clips/tag", login.cookie(), Map.of("_csrf", login.csrf(),
                "tagger", "../../etc"))).statusCode());
    }
}
