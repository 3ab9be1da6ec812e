package dev.tagline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        assertTrue(last.contains("\"state\":\"done\"") && last.contains("\"message\":\"2 images tagged with quality,"
                + " 1 passed over (1 image whose sidecar exists), none failed.\""), "i0 was not tagged: " + last);
        assertEquals("kept", Files.readString(web.media.resolve("set/i0.txt")), "existing=skip");
        String tags = Files.readString(web.media.resolve("set/i1.txt"));
        assertTrue(tags.contains("dark"), tags);
        String gallery = web.send(web.get("/datasets/clips?tag=dark").header("Cookie", login.cookie())).body();
        assertTrue(gallery.contains("set/i1.png") && gallery.contains("id=\"start-tag\""), gallery);
        assertEquals(400, web.send(web.form("/jobs/clips/tag", login.cookie(), Map.of("_csrf", login.csrf(),
                "tagger", "../../etc"))).statusCode());
    }

    /**
     * dogfooding G8: a folder of images, one already tagged, with {@code evil.html}, {@code .js} and {@code .svg} and
     * two symbolic links ended as "3 of 6 image(s) tagged with quality, 1 passed over (their sidecars exist)": the
     * files that are not images counted as tagged images, and the links passed over went unmentioned, where the CLI
     * says "tag: 2 done …, 4 passed over" and "2 symbolic links passed over".
     */
    @Test
    void theTagJobCountedFilesThatAreNotImagesAsTaggedAndKeptQuietAboutLinks_nowItCountsAsTheCliDoes()
            throws Exception {
        for (String name : new String[] {"evil.html", "evil.js", "evil.svg"}) {
            Files.writeString(web.media.resolve("set/" + name), "<svg onload=alert(1)></svg>");
        }
        Files.createSymbolicLink(web.media.resolve("set/passwd.jpg"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(web.media.resolve("set/linkdir"), web.media.resolve("set"));
        web.send(web.form("/jobs/clips/tag", login.cookie(), Map.of("_csrf", login.csrf(), "tagger", "quality")));
        HttpResponse<Stream<String>> events = web.http.send(HttpRequest.newBuilder(URI.create(web.base()
                + "/api/jobs/1/events")).header("Cookie", login.cookie()).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        List<String> data = events.body().filter(l -> l.startsWith("data:")).toList();
        String last = data.get(data.size() - 1);
        assertTrue(last.contains("\"message\":\"2 images tagged with quality, 4 passed over (1 image whose sidecar"
                + " exists, 3 files that are not images), none failed. 2 symbolic links passed over: jobs started here"
                + " never follow links; run 'tagline tag --follow-links' on the folder to follow them.\""), last);
        assertFalse(Files.exists(web.media.resolve("set/evil.txt")));
    }

    /** The last event of job {@code id}, once it has ended. */
    private String lastEvent(int id) throws Exception {
        HttpResponse<Stream<String>> events = web.http.send(HttpRequest.newBuilder(URI.create(web.base()
                + "/api/jobs/" + id + "/events")).header("Cookie", login.cookie()).header("Accept", "text/event-stream")
                .build(), HttpResponse.BodyHandlers.ofLines());
        List<String> data = events.body().filter(l -> l.startsWith("data:")).toList();
        return data.get(data.size() - 1);
    }

    /**
     * dogfood round 9 L2: on a dataset with a read-only sub-folder (the page: "the rest of the dataset can be
     * edited"), Tag folder with Existing = append stopped at the first image in ro/ ("failed · tag: 0/15 / Stopped at
     * ro/gen2.jpg: Cannot write …") and tagged none of the writable images. Now the read-only folder is found before
     * the run, its images are passed over and counted, and the writable ones are tagged; the same job again works too.
     */
    @Test
    void aTagJobStoppedAtTheFirstImageOfAReadOnlySubFolder_nowItTagsTheWritableOnesAndCountsTheFolderPassedOver()
            throws Exception {
        Path ro = web.media.resolve("set/ro");
        DatasetRoutesIT.image(ro.resolve("r0.png"), Color.GREEN);
        DatasetRoutesIT.image(ro.resolve("r1.png"), Color.GREEN);
        Files.writeString(ro.resolve("r0.txt"), "old");
        org.junit.jupiter.api.Assumptions.assumeTrue(DatasetRoutesIT.makeUnwritable(ro), "cannot make a folder"
                + " unwritable here (neither chmod a-w nor chattr +i stops this process)");
        try {
            web.send(web.form("/jobs/clips/tag", login.cookie(), Map.of("_csrf", login.csrf(), "tagger", "quality",
                    "existing", "append")));
            String last = lastEvent(1);
            assertTrue(last.contains("\"state\":\"done\"") && last.contains("\"message\":\"3 images tagged with"
                    + " quality, none failed. 2 images in set/ro/ passed over: read-only (Tagline cannot write"
                    + " sidecars there).\""), last);
            assertTrue(Files.readString(web.media.resolve("set/i0.txt")).startsWith("kept, "), "appended");
            assertTrue(Files.exists(web.media.resolve("set/i2.txt")));
            assertEquals("old", Files.readString(ro.resolve("r0.txt")));
            assertFalse(Files.exists(ro.resolve("r1.txt")));
            web.send(web.form("/jobs/clips/tag", login.cookie(), Map.of("_csrf", login.csrf(), "tagger", "quality",
                    "existing", "overwrite")));
            String again = lastEvent(2);
            assertTrue(again.contains("\"state\":\"done\"") && again.contains("2 images in set/ro/ passed over"),
                    again);
        } finally {
            DatasetRoutesIT.makeWritable(ro);
        }
    }
}
