package dev.tagline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        HttpResponse<String> started = web.send(web.form("/jobs/clips/thumbnails", login.cookie(),
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

    private String awaitEnd(String id) throws Exception {
        HttpResponse<java.util.stream.Stream<String>> events = web.http.send(HttpRequest.newBuilder(
                URI.create(web.base() + "/api/jobs/" + id + "/events")).header("Cookie", login.cookie())
                        .header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        List<String> data = events.body().filter(l -> l.startsWith("data:")).toList();
        return data.get(data.size() - 1);
    }

    /**
     * A read-only dataset's page turns the check job's quarantine off, but a form posted with it on was taken and the
     * job failed moving files. Now the server refuses it before any job starts, as it refuses Save, tag and caption;
     * check without quarantine still runs.
     */
    @Test
    void aReadOnlyDatasetTookCheckWithQuarantine_nowTheServerRefusesItAndPlainCheckStillRuns() throws Exception {
        Files.write(web.media.resolve("set/broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
        Path set = web.media;
        org.junit.jupiter.api.Assumptions.assumeTrue(DatasetRoutesIT.makeUnwritable(set), "cannot make a folder"
                + " unwritable here (neither chmod a-w nor chattr +i stops this process): the refusal is not tested");
        try {
            HttpResponse<String> refused = web.send(web.form("/jobs/clips/check", login.cookie(),
                    Map.of("_csrf", login.csrf(), "quarantine", "on")));
            assertTrue(refused.statusCode() >= 400 && refused.body().contains(set + " is read-only, and check with"
                    + " quarantine moves bad files into " + JobKinds.QUARANTINE + " inside it"),
                    refused.statusCode() + " " + refused.body());
            HttpResponse<String> plain = web.send(web.form("/jobs/clips/check", login.cookie(),
                    Map.of("_csrf", login.csrf())));
            assertEquals("/jobs", plain.headers().firstValue("Location").orElseThrow());
            String last = awaitEnd("1");
            assertTrue(last.contains("\"state\":\"done\"") && last.contains("13 files checked, 1 corrupt"), last);
            assertTrue(Files.exists(set.resolve("set/broken.png")), "nothing moved");
            assertFalse(Files.exists(set.resolve(JobKinds.QUARANTINE)));
        } finally {
            DatasetRoutesIT.makeWritable(set);
        }
    }

    @Test
    void theCheckJobQuarantinesBadFilesAndTheDatasetPageShowsTheReportAndFiltersByVerdict() throws Exception {
        Files.write(web.media.resolve("set/broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
        java.awt.image.BufferedImage tiny = new java.awt.image.BufferedImage(40, 30,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(tiny, "png", web.media.resolve("set/tiny.png").toFile());
        Files.writeString(web.media.resolve("set/tiny.txt"), "small, <b>bold</b>");
        HttpResponse<String> started = web.send(web.form("/jobs/clips/check", login.cookie(),
                Map.of("_csrf", login.csrf(), "quarantine", "on")));
        assertEquals("/jobs", started.headers().firstValue("Location").orElseThrow());
        String last = awaitEnd("1");
        assertTrue(last.contains("\"state\":\"done\"") && last.contains("\"total\":14"), last);
        assertTrue(last.contains("14 files checked, 1 corrupt or unreadable, 2 moved to .tagline/quarantine"), last);
        assertFalse(Files.exists(web.media.resolve("set/broken.png")));
        assertTrue(Files.exists(web.media.resolve(JobKinds.QUARANTINE + "/set/tiny.png")));
        assertTrue(Files.exists(web.media.resolve(JobKinds.QUARANTINE + "/set/tiny.txt")), "sidecar moved along");
        String report = web.send(web.get("/datasets/clips?view=check").header("Cookie", login.cookie())).body();
        assertTrue(report.contains("<td>set/broken.png</td><td>corrupt</td>"), report);
        assertTrue(report.contains("<td>set/tiny.png</td><td>too-small</td>"), report);
        assertTrue(report.contains("<td>quarantined</td>"), report);
        assertTrue(report.contains("ok: 12"), report);
        String corruptOnly = web.send(web.get("/datasets/clips?view=check&verdict=corrupt")
                .header("Cookie", login.cookie())).body();
        assertFalse(corruptOnly.contains("set/tiny.png"), corruptOnly);
        String ok = web.send(web.get("/datasets/clips?verdict=ok").header("Cookie", login.cookie())).body();
        assertEquals(12, ok.split("<article class=\"image\"").length - 1);
        String unchecked = web.send(web.get("/datasets/clips?verdict=unchecked").header("Cookie", login.cookie())).body();
        assertEquals(0, unchecked.split("<article class=\"image\"").length - 1);
        assertEquals(400, web.send(web.form("/jobs/clips/nope", login.cookie(),
                Map.of("_csrf", login.csrf()))).statusCode());
        assertEquals(403, web.send(web.form("/jobs/clips/check", login.cookie(), Map.of())).statusCode());
    }

    /**
     * dogfooding F4: after {@code tagline check DIR --quarantine DIR/_rejects} the report view said "Not checked yet";
     * after a check job it headed the report with {@code corrupt: 1 too-small: 1} for the files moved away (action
     * "gone since checked") while the job said "0 corrupt" and the CLI "set aside by an earlier run's --quarantine".
     */
    @Test
    void aCliQuarantineWasCountedAsCorruptByTheReportView_nowTheViewShowsTheCliCheckAndAgreesWithIt() throws Exception {
        Files.write(web.media.resolve("set/broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", web.media.resolve("set/tiny.png").toFile());
        assertTrue(checkView("").contains("Not checked yet"));
        java.io.StringWriter out = new java.io.StringWriter();
        assertEquals(1, dev.tagline.cli.Cli.run(new dev.tagline.cli.CliContext(dir, Map.of("TAGLINE_HOME",
                dir.resolve("cli-home").toString()), new java.io.PrintWriter(out, true),
                new java.io.PrintWriter(new java.io.StringWriter(), true), java.time.Clock.systemUTC(), false),
                "check", "media", "--quarantine", "media/_rejects"));
        assertTrue(out.toString().contains("quarantined: 2"), out.toString());

        String cli = checkView("");
        assertFalse(cli.contains("Not checked yet"), cli);
        assertTrue(cli.contains("corrupt: 1</a> <a") && cli.contains("ok: 12</a> "), cli);
        assertTrue(cli.contains("total: 14"), cli);
        assertTrue(cli.contains("<td>set/broken.png</td><td>corrupt</td>"), cli);
        assertTrue(cli.contains("<td>quarantined</td>"), cli);

        web.send(web.form("/jobs/clips/check", login.cookie(), Map.of("_csrf", login.csrf())));
        String last = awaitEnd("1");
        assertTrue(last.contains("12 files checked, 0 corrupt or unreadable, 2 set aside by an earlier --quarantine"
                + " (not counted)"), last);
        String report = checkView("");
        assertFalse(report.contains("corrupt: ") || report.contains("too-small: "), report);
        assertTrue(report.contains("ok: 12</a> total: 12"), report);
        assertTrue(report.contains("2 files were set aside by an earlier run&#39;s --quarantine and are not counted"
                + " above."), report);
        assertTrue(report.contains("<td>set/broken.png</td><td>corrupt</td><td>"), report);
        assertTrue(report.contains("<td>quarantined by an earlier run</td>"), report);
        assertFalse(report.contains(dev.tagline.images.check.CheckActions.GONE), report);
        assertFalse(checkView("&verdict=corrupt").contains("<td>set/broken.png</td>"),
                "not a corrupt file of the folder");
    }

    /**
     * A read-only dataset keeps its last check report in TAGLINE_HOME, where the page did not look: it said "Not
     * checked yet" after {@code tagline check}. Now the page finds it there, and its own check job keeps it there too.
     */
    @Test
    void aReadOnlyDatasetsLastCheckWasInvisible_nowThePageShowsItFromTaglineHome() throws Exception {
        web.close();
        Path home = dir.resolve("home");
        web = new WebFixture(dir.resolve("ro"), WebFixture.PASSWORD, Map.of("TAGLINE_HOME", home.toString()));
        login = web.login();
        DatasetRoutesIT.image(web.media.resolve("set/a.png"), Color.RED);
        Files.write(web.media.resolve("set/broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        Files.writeString(web.media.resolve(".tagline"), "stands for a state folder that cannot be created");
        java.io.StringWriter err = new java.io.StringWriter();
        assertEquals(1, dev.tagline.cli.Cli.run(new dev.tagline.cli.CliContext(web.dir, Map.of("TAGLINE_HOME",
                home.toString()), new java.io.PrintWriter(new java.io.StringWriter(), true),
                new java.io.PrintWriter(err, true), java.time.Clock.systemUTC(), false), "check", "media"));
        assertTrue(err.toString().contains("progress is kept in " + home.resolve("state/journals")), err.toString());

        String cli = checkView("");
        assertFalse(cli.contains("Not checked yet"), cli);
        assertTrue(cli.contains("corrupt: 1</a> <a") && cli.contains("total: 2"), cli);
        assertTrue(cli.contains("<td>set/broken.png</td><td>corrupt</td>"), cli);
        assertTrue(web.send(web.get("/datasets/clips?verdict=corrupt").header("Cookie", login.cookie())).body()
                .contains("set/broken.png"), "the verdict filter reads the same report");

        Files.delete(web.media.resolve("set/broken.png"));
        web.send(web.form("/jobs/clips/check", login.cookie(), Map.of("_csrf", login.csrf())));
        String last = awaitEnd("1");
        assertTrue(last.contains("\"state\":\"done\"") && last.contains("1 files checked"), last);
        String page = checkView("");
        assertTrue(page.contains("ok: 1</a> total: 1"), "the page's own check, kept in TAGLINE_HOME: " + page);
        assertTrue(Files.isRegularFile(web.media.resolve(".tagline")), "the dataset was not changed");
    }

    /** dogfooding G8, the check job: links passed over went unmentioned, where tagline check names them. */
    @Test
    void theCheckJobKeptQuietAboutLinksPassedOver_nowItNamesThemAsTheCliDoes() throws Exception {
        Files.createSymbolicLink(web.media.resolve("set/passwd.jpg"), Path.of("/etc/passwd"));
        web.send(web.form("/jobs/clips/check", login.cookie(), Map.of("_csrf", login.csrf())));
        String last = awaitEnd("1");
        assertTrue(last.contains("\"message\":\"12 files checked, 0 corrupt or unreadable; report on the dataset page. 1"
                + " symbolic link passed over: jobs started here never follow links; run 'tagline check"
                + " --follow-links' on the folder to follow it.\""), last);
    }

    /** dogfooding G10 on the page: the check job names images kohya's repeat folders would not read, as check does. */
    @Test
    void theCheckJobKeptQuietAboutImagesInASubFolderOfARepeatFolder_nowItNamesThem() throws Exception {
        DatasetRoutesIT.image(web.media.resolve("10_x/sub/obama.png"), Color.GRAY);
        web.send(web.form("/jobs/clips/check", login.cookie(), Map.of("_csrf", login.csrf())));
        String last = awaitEnd("1");
        assertTrue(last.contains("; report on the dataset page. kohya: 1 image in sub-folders of repeat folders is not"
                + " read by kohya's DreamBooth-style training"), last);
        assertTrue(last.contains(": 10_x/sub (1 image). Move them up"), last);
    }

    /** The check job names images loose beside repeat folders, which kohya's DreamBooth-style training never reads. */
    @Test
    void theCheckJobKeptQuietAboutImagesLooseBesideRepeatFolders_nowItNamesThem() throws Exception {
        DatasetRoutesIT.image(web.media.resolve("10_x/a.png"), Color.GRAY);
        DatasetRoutesIT.image(web.media.resolve("loose.png"), Color.GREEN);
        web.send(web.form("/jobs/clips/check", login.cookie(), Map.of("_csrf", login.csrf())));
        String last = awaitEnd("1");
        assertTrue(last.contains("; report on the dataset page. kohya: 1 image lies loose in media beside its repeat"
                + " folders, where kohya's DreamBooth-style training does not read it"), last);
    }

    /** The check job walked into rendered clips' folders, which the gallery and the tag and caption jobs leave out. */
    @Test
    void theCheckJobCheckedRenderedClipsThumbnails_nowItLeavesTheirFoldersOutAsTheGalleryDoes() throws Exception {
        Path clip = Files.createDirectories(web.media.resolve("talk.clips/talk-001"));
        Files.writeString(clip.resolve(dev.tagline.core.manifest.ClipManifests.FILE_NAME), "{}");
        DatasetRoutesIT.image(clip.resolve("talk-001.jpg"), Color.GRAY);
        web.send(web.form("/jobs/clips/check", login.cookie(), Map.of("_csrf", login.csrf())));
        String last = awaitEnd("1");
        assertTrue(last.contains("\"message\":\"12 files checked, 0 corrupt or unreadable; report on the dataset"
                + " page.\""), last);
    }

    /**
     * The report view's kohya counts came from a scan alone, so they held files kohya cannot load (a text file named
     * .jpg) and disagreed with the check's: before a check they now say they are unchecked, after one they count as
     * check does, from the verdicts of its report.
     */
    @Test
    void theReportViewsRepeatFolderCountsHeldUnloadableFiles_nowTheyUseTheChecksVerdictsOrSayUnchecked()
            throws Exception {
        DatasetRoutesIT.image(web.media.resolve("10_x/a.png"), Color.GRAY);
        Files.writeString(web.media.resolve("10_x/notes.jpg"), "a text file named .jpg");
        DatasetRoutesIT.image(web.media.resolve("loose.png"), Color.GREEN);
        String before = checkView("");
        assertTrue(before.contains("Repeat folders: 10_x (2 images)."), before);
        assertTrue(before.contains("kohya: these counts are unchecked for "), before);
        assertTrue(before.contains("(the folder has not been checked): files kohya cannot load"), before);
        web.send(web.form("/jobs/clips/check", login.cookie(), Map.of("_csrf", login.csrf())));
        String last = awaitEnd("1");
        assertTrue(last.contains("Repeat folders: 10_x (1 image, 1 unusable file not counted)."), last);
        String after = checkView("");
        assertTrue(after.contains("Repeat folders: 10_x (1 image, 1 unusable file not counted)."), after);
        assertFalse(after.contains("these counts are unchecked"), after);
        DatasetRoutesIT.image(web.media.resolve("10_x/new.png"), Color.BLUE);
        String added = checkView("");
        assertTrue(added.contains("Repeat folders: 10_x (2 images, 1 unusable file not counted)."), added);
        assertTrue(added.contains("kohya: these counts are unchecked for 1 image (added since the last check)"), added);
    }

    private String checkView(String query) {
        return web.send(web.get("/datasets/clips?view=check" + query).header("Cookie", login.cookie())).body();
    }

    /**
     * Dogfood round 7 J5: the report view left out the kohya and mask notes that tagline check and the check job end
     * with (the job card is gone once the list rolls over), and a check whose files all came from the journal read
     * "check: 0/0" above "14 files checked". Now the view lists the notes and the count says "16 (from an earlier run)".
     */
    @Test
    void theReportViewLeftOutTheKohyaAndMaskNotesAndARerunCountedZeroOfZero_nowBothAreSaid() throws Exception {
        DatasetRoutesIT.image(web.media.resolve("10_x/a.png"), Color.GRAY);
        DatasetRoutesIT.image(web.media.resolve("10_x/sub/b.png"), Color.GRAY);
        DatasetRoutesIT.image(web.media.resolve("loose.png"), Color.GREEN);
        DatasetRoutesIT.image(web.media.resolve("set/i0-masklabel.png"), Color.WHITE);
        web.send(web.form("/jobs/clips/check", login.cookie(), Map.of("_csrf", login.csrf())));
        String first = awaitEnd("1");
        assertTrue(first.contains("\"count\":\"16/16\""), first);
        String view = checkView("");
        assertTrue(view.contains("kohya: 1 image in sub-folders of repeat folders is not read by kohya"), view);
        assertTrue(view.contains("kohya: 1 image lies loose in media beside its repeat folders"), view);
        assertTrue(view.contains("1 OneTrainer mask (NAME-masklabel.png beside NAME.jpg) passed over"), view);
        web.send(web.form("/jobs/clips/check", login.cookie(), Map.of("_csrf", login.csrf())));
        String again = awaitEnd("2");
        assertTrue(again.contains("\"count\":\"16 (from an earlier run)\"") && again.contains("16 files checked"),
                again);
    }
}
