package dev.tagline.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #10 point 5 over HTTP: gallery, cached thumbnails, sidecar edits, bulk tag replace, filters. */
class DatasetRoutesIT {
    @TempDir
    Path dir;
    WebFixture web;
    WebFixture.Login login;

    static void image(Path file, Color color) throws IOException {
        BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 640, 480);
        g.setColor(Color.WHITE);
        g.fillOval(200, 120, 240, 240);
        g.dispose();
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
    }

    @BeforeEach
    void start() throws Exception {
        web = WebFixture.start(dir);
        image(web.media.resolve("set/a.png"), Color.RED);
        image(web.media.resolve("set/b.png"), Color.BLUE);
        Files.writeString(web.media.resolve("set/a.caption"), "a red card <script>window.x=1</script>");
        Files.writeString(web.media.resolve("set/a.txt"), "red, circle, 1girl");
        Files.writeString(web.media.resolve("set/b.txt"), "blue, circle");
        login = web.login();
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private String page(String query) {
        return web.send(web.get("/datasets/clips" + query).header("Cookie", login.cookie())).body();
    }

    @Test
    void galleryShowsEscapedCaptionsTagFrequenciesAndFilters() {
        String html = page("");
        assertTrue(html.contains("a red card &lt;script&gt;window.x=1&lt;/script&gt;"), html);
        assertTrue(html.contains(">circle</a><span class=\"bar\" style=\"width:100%\"></span><span>2</span>"), html);
        String missing = page("?missing=caption");
        assertTrue(missing.contains("set/b.png") && !missing.contains("set/a.png"));
        String tagged = page("?tag=red");
        assertTrue(tagged.contains("set/a.png") && !tagged.contains("alt=\"set/b.png\""));
    }

    @Test
    void savingWritesBothSidecarsAtomicallyWithoutTrailingNewline() throws Exception {
        HttpResponse<String> r = web.send(web.form("/datasets/clips/save?path=set%2Fb.png", login.cookie(),
                Map.of("_csrf", login.csrf(), "caption", "a blue card\n", "tags", "blue, circle, blue, card")));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("a blue card", Files.readString(web.media.resolve("set/b.caption")));
        assertEquals("blue, circle, card", Files.readString(web.media.resolve("set/b.txt")));
        try (var files = Files.list(web.media.resolve("set"))) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().startsWith(".")), "no temp files left");
        }
        assertEquals(404, web.send(web.form("/datasets/clips/save?path=..%2Fsecret.png", login.cookie(),
                Map.of("_csrf", login.csrf(), "caption", "x", "tags", ""))).statusCode());
    }

    @Test
    void bulkReplaceAndRemoveATagAcrossTheFolder() throws Exception {
        HttpResponse<String> r = web.send(web.form("/datasets/clips/bulk", login.cookie(),
                Map.of("_csrf", login.csrf(), "find", "circle", "replace", "round")));
        assertEquals("/datasets/clips?changed=2", r.headers().firstValue("Location").orElseThrow());
        assertEquals("red, round, 1girl", Files.readString(web.media.resolve("set/a.txt")));
        web.send(web.form("/datasets/clips/bulk", login.cookie(), Map.of("_csrf", login.csrf(), "find", "1girl",
                "replace", "")));
        assertEquals("red, round", Files.readString(web.media.resolve("set/a.txt")));
    }

    @Test
    void thumbnailsAreGeneratedOnceAndCached() throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(web.base() + "/thumbs/clips/set/a.png"))
                .header("Cookie", login.cookie()).build();
        HttpResponse<byte[]> first = web.http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, first.statusCode());
        BufferedImage thumb = ImageIO.read(new java.io.ByteArrayInputStream(first.body()));
        assertEquals(Thumbnails.SIZE, thumb.getWidth());
        Path cached;
        try (var files = Files.list(dir.resolve("thumbs"))) {
            cached = files.findFirst().orElseThrow();
        }
        long written = Files.getLastModifiedTime(cached).toMillis();
        Thread.sleep(20);
        HttpResponse<byte[]> second = web.http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        assertArrayEquals(first.body(), second.body());
        assertEquals(written, Files.getLastModifiedTime(cached).toMillis(), "served from the cache, not re-rendered");
        assertEquals(404, web.http.send(HttpRequest.newBuilder(URI.create(web.base() + "/thumbs/clips/..%2Fpublish.db"))
                .header("Cookie", login.cookie()).build(), HttpResponse.BodyHandlers.ofByteArray()).statusCode());
    }

    /**
     * dogfooding F3: a folder that {@code check --quarantine} set aside inside the dataset was listed in the gallery
     * (18 images instead of 12, rejects with Save buttons, their tags in the frequencies) and its sidecars could be
     * saved, although check, tag and caption never enter it.
     */
    @Test
    void theGalleryAndItsCountsLeaveOutAFolderSetAsideByCheckQuarantine() throws Exception {
        image(web.media.resolve("set/_rejects/c.png"), Color.GREEN);
        Files.writeString(web.media.resolve("set/_rejects/c.txt"), "rejected, circle");
        Files.writeString(web.media.resolve("set/_rejects/.tagline-quarantine"), "set aside");
        String html = page("");
        assertTrue(html.contains("<small>2 images</small>"), html);
        assertFalse(html.contains("_rejects"), html);
        assertFalse(html.contains(">rejected</a>"), html);
        assertTrue(html.contains(">circle</a><span class=\"bar\" style=\"width:100%\"></span><span>2</span>"), html);
        HttpResponse<String> save = web.send(web.form("/datasets/clips/save?path=set%2F_rejects%2Fc.png",
                login.cookie(), Map.of("_csrf", login.csrf(), "caption", "x", "tags", "x")));
        assertEquals(404, save.statusCode(), save.body());
        assertEquals("rejected, circle", Files.readString(web.media.resolve("set/_rejects/c.txt")));
        assertFalse(Files.exists(web.media.resolve("set/_rejects/c.caption")));
    }

    /**
     * dogfooding G6: the gallery wrote {@code src="/thumbs/clips/set/take#1.png"} (HTML-escaped, not percent-encoded),
     * so the browser asked for {@code /thumbs/clips/set/take} (404), {@code …/why} with the query {@code .png} (404)
     * and {@code …/50%off.png} (400 from Jetty): blank cards for names common in scraped datasets.
     */
    @Test
    void thumbnailsOfFilesNamedWithHashQuestionMarkOrPercentWereBroken_nowEverySrcOnThePageAnswers200()
            throws Exception {
        for (String name : new String[] {"take#1.png", "why?.png", "50%off.png", "a+b c.png", "é&'x.png"}) {
            image(web.media.resolve("set/odd #dir%/" + name), Color.GREEN);
        }
        String html = page("");
        java.util.regex.Matcher src = java.util.regex.Pattern.compile("<img [^>]*src=\"([^\"]+)\"").matcher(html);
        java.util.List<String> urls = new java.util.ArrayList<>();
        while (src.find()) {
            urls.add(src.group(1).replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<")
                    .replace("&gt;", ">").replace("&amp;", "&"));
        }
        assertEquals(7, urls.size(), html);
        assertTrue(urls.contains("/thumbs/clips/set/odd%20%23dir%25/take%231.png"), urls.toString());
        for (String url : urls) {
            HttpResponse<byte[]> r = web.http.send(HttpRequest.newBuilder(URI.create(web.base() + url))
                    .header("Cookie", login.cookie()).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode(), url);
            assertEquals(Thumbnails.SIZE, ImageIO.read(new java.io.ByteArrayInputStream(r.body())).getWidth(), url);
        }
    }

    @Test
    void theDatasetsPageReachesEveryMediaRootNotOnlyTheFirst(@TempDir Path other) throws IOException {
        Path photos = Files.createDirectories(other.resolve("photos"));
        image(photos.resolve("obama.png"), Color.BLUE);
        try (WebFixture two = new WebFixture(other, WebFixture.PASSWORD, Map.of(), Map.of("photos", photos))) {
            WebFixture.Login l = two.login();
            String clips = two.send(two.get("/datasets/clips").header("Cookie", l.cookie())).body();
            assertTrue(clips.contains("<a href=\"/datasets/photos\">photos</a>"), clips);
            assertTrue(clips.contains("<span class=\"no-dataset\" aria-current=\"page\""), "empty: no dataset; " + clips);
            HttpResponse<String> page = two.send(two.get("/datasets/photos").header("Cookie", l.cookie()));
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("obama.png") && page.body().contains("aria-current=\"page\">photos</a>"),
                    page.body());
        }
    }

    /**
     * dogfooding H4: a taggui / OneTrainer dataset keeps its caption in NAME.txt; every card showed "no caption", the
     * sentence sat in the tags box, the tag frequencies counted its fragments and "missing caption" matched every
     * image. {@code serve --caption-extension tg=.txt} now reads NAME.txt as the caption, with no tags box.
     */
    @Test
    void aTagguiDatasetShowedNoCaptionAndItsSentenceAsTags_nowCaptionExtensionTxtShowsOneCaptionBox(
            @TempDir Path other) throws IOException {
        Path tg = Files.createDirectories(other.resolve("tg"));
        image(tg.resolve("obama.png"), Color.BLUE);
        image(tg.resolve("biden.png"), Color.RED);
        Files.writeString(tg.resolve("obama.txt"), "A man in a suit, smiling, standing in front of a flag.");
        try (WebFixture two = new WebFixture(other, WebFixture.PASSWORD, Map.of(), Map.of("tg", tg),
                Map.of("tg", ".txt"))) {
            WebFixture.Login l = two.login();
            String html = two.send(two.get("/datasets/tg").header("Cookie", l.cookie())).body();
            assertTrue(html.contains("\">A man in a suit, smiling, standing in front of a flag.</textarea>"), html);
            assertFalse(html.contains("name=\"tags\"") || html.contains("Tag frequency")
                    || html.contains("id=\"start-tag\"") || html.contains("name=\"find\""), html);
            assertTrue(html.contains("Captions in NAME.txt (taggui, OneTrainer, ai-toolkit); no tag files."), html);
            String missing = two.send(two.get("/datasets/tg?missing=caption").header("Cookie", l.cookie())).body();
            assertTrue(missing.contains("alt=\"biden.png\"") && !missing.contains("alt=\"obama.png\""), missing);
            HttpResponse<String> saved = two.send(two.form("/datasets/tg/save?path=biden.png", l.cookie(),
                    Map.of("_csrf", l.csrf(), "caption", "An older man in a suit.")));
            assertEquals(200, saved.statusCode(), saved.body());
            assertEquals("An older man in a suit.", Files.readString(tg.resolve("biden.txt")));
            assertFalse(Files.exists(tg.resolve("biden.caption")));
            HttpResponse<String> tag = two.send(two.form("/jobs/tg/tag", l.cookie(), Map.of("_csrf", l.csrf())));
            assertEquals(400, tag.statusCode(), tag.body());
            assertTrue(tag.body().contains("which hold this folder&#39;s captions"), tag.body());
        }
    }

    /** dogfooding H4: Save on a card nobody edited rewrote {@code "  smile "} as {@code "smile"} in its tag file. */
    @Test
    void savingACardUnchangedRewroteItsTagFile_nowItsFilesStayAsTheyWere() throws Exception {
        Path tags = web.media.resolve("set/b.txt");
        Files.writeString(tags, "ohwx, 1boy, solo, suit,  smile , (masterpiece:1.2)");
        Files.writeString(web.media.resolve("set/b.caption"), "a blue card ");
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(tags, old);
        HttpResponse<String> r = web.send(web.form("/datasets/clips/save?path=set%2Fb.png", login.cookie(),
                Map.of("_csrf", login.csrf(), "caption", "a blue card",
                        "tags", "ohwx, 1boy, solo, suit, smile, (masterpiece:1.2)")));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("ohwx, 1boy, solo, suit,  smile , (masterpiece:1.2)", Files.readString(tags));
        assertEquals(old, Files.getLastModifiedTime(tags));
        assertEquals("a blue card ", Files.readString(web.media.resolve("set/b.caption")));
    }

    /**
     * dogfooding H7: /datasets on a folder of rendered clips offered their thumbnails as a dataset, with tag editors
     * and "Tag folder", which would write sidecars into the clip folders.
     */
    @Test
    void renderedClipsWereOfferedAsADataset_nowTheirFoldersAreLeftOut(@TempDir Path other) throws IOException {
        Path clips = Files.createDirectories(other.resolve("out/code.clips/code-001"));
        image(clips.resolve("code-001.jpg"), Color.GRAY);
        Files.writeString(clips.resolve("clip.json"), "{}");
        image(web.media.resolve("set/code.clips/code-001/code-001.jpg"), Color.GRAY);
        Files.writeString(web.media.resolve("set/code.clips/code-001/clip.json"), "{}");
        String html = page("");
        assertTrue(html.contains("2 images") && !html.contains("code-001.jpg"), html);
        HttpResponse<String> save = web.send(web.form("/datasets/clips/save?path=set%2Fcode.clips%2Fcode-001%2Fcode-001.jpg",
                login.cookie(), Map.of("_csrf", login.csrf(), "caption", "x", "tags", "y")));
        assertEquals(404, save.statusCode(), save.body());
        assertFalse(Files.exists(web.media.resolve("set/code.clips/code-001/code-001.txt")));
        try (WebFixture two = new WebFixture(other.resolve("w"), WebFixture.PASSWORD, Map.of(),
                Map.of("out", other.resolve("out")))) {
            WebFixture.Login l = two.login();
            String out = two.send(two.get("/datasets/out").header("Cookie", l.cookie())).body();
            assertTrue(out.contains("No images in out. Rendered clips"), out);
            assertFalse(out.contains("start-tag") || out.contains("<article"), out);
        }
    }

    /**
     * Dogfood round 7 J6: the Datasets tab opened on the first media folder, a folder of clips, said it was not a
     * dataset, and listed it among the dataset links. Now it opens on the first folder with dataset images and names a
     * folder without any greyed, "(no images)", not as a link; with no such folder the page says so and how to add one.
     */
    @Test
    void theDatasetsTabOpenedOnAClipsFolder_nowOnTheFirstFolderWithImagesAndTheClipsFolderIsNoLink(@TempDir Path other)
            throws IOException {
        Path clip = Files.createDirectories(other.resolve("aclips/talk.clips/talk-001"));
        image(clip.resolve("talk-001.jpg"), Color.GRAY);
        Files.writeString(clip.resolve("clip.json"), "{}");
        Path photos = Files.createDirectories(other.resolve("photos"));
        image(photos.resolve("obama.png"), Color.BLUE);
        try (WebFixture two = new WebFixture(other.resolve("w"), WebFixture.PASSWORD, Map.of(),
                Map.of("aclips", other.resolve("aclips"), "photos", photos))) {
            WebFixture.Login l = two.login();
            HttpResponse<String> tab = two.send(two.get("/datasets").header("Cookie", l.cookie()));
            assertEquals("/datasets/photos", tab.headers().firstValue("Location").orElse(""), "not aclips nor clips");
            String page = two.send(two.get("/datasets/photos").header("Cookie", l.cookie())).body();
            assertTrue(page.contains("aria-current=\"page\">photos</a>"), page);
            assertTrue(page.contains(">aclips (no images)</span>") && page.contains(">clips (no images)</span>"), page);
            assertFalse(page.contains("href=\"/datasets/aclips\"") || page.contains("href=\"/datasets/clips\""), page);
        }
        try (WebFixture none = new WebFixture(other.resolve("n"), WebFixture.PASSWORD, Map.of(),
                Map.of("aclips", other.resolve("aclips")))) {
            WebFixture.Login l = none.login();
            HttpResponse<String> tab = none.send(none.get("/datasets").header("Cookie", l.cookie()));
            assertEquals("/datasets/aclips", tab.headers().firstValue("Location").orElse(""));
            String page = none.send(none.get("/datasets/aclips").header("Cookie", l.cookie())).body();
            assertTrue(page.contains("No media folder holds dataset images: give one with tagline serve --media"
                    + " NAME=FOLDER"), page);
        }
    }

    /**
     * Makes {@code folder} unwritable for this process, as the code tests it ({@link Files#isWritable}): chmod a-w, and
     * where that does not stop the process (root) chattr +i. False when neither works here.
     */
    static boolean makeUnwritable(Path folder) throws Exception {
        Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        if (Files.isWritable(folder)) {
            new ProcessBuilder("chattr", "+i", folder.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }
        return !Files.isWritable(folder);
    }

    static void makeWritable(Path folder) throws Exception {
        new ProcessBuilder("chattr", "-i", folder.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /**
     * dogfood J14: a read-only dataset offered Save, "Apply to all images", "Tag folder" and "Caption folder" without a
     * word, and Save then failed blaming disk space. Now the page says it is read-only, its edit controls and the jobs
     * that write sidecars are off (check still runs: its journal goes to TAGLINE_HOME), and the server refuses them.
     */
    @Test
    void aReadOnlyDatasetOfferedEveryEdit_nowThePageSaysViewingOnlyAndTheEditsAreOff() throws Exception {
        Path set = web.media;
        org.junit.jupiter.api.Assumptions.assumeTrue(makeUnwritable(set), "cannot make a folder unwritable here"
                + " (neither chmod a-w nor chattr +i stops this process): the read-only page is not tested");
        try {
            String html = page("");
            assertTrue(html.contains("<p class=\"read-only\" id=\"read-only\" role=\"note\"><strong>read-only</strong>:"
                    + " viewing only (Tagline cannot write to " + set + ")</p>"), html);
            assertTrue(html.contains("<button disabled>Apply to all images</button>"), html);
            assertTrue(html.contains("<button id=\"start-tag\" disabled>Tag folder"), html);
            assertTrue(html.contains("<button id=\"start-caption\" disabled>Caption folder"), html);
            assertTrue(html.contains("name=\"quarantine\" disabled>"), "check moves nothing into a read-only folder");
            assertTrue(html.contains("<button id=\"start-check\">Check folder"), "check still runs: " + html);
            assertTrue(html.contains("<textarea name=\"caption\" readonly") && html.contains("<textarea name=\"tags\""
                    + " readonly") && html.contains("<button disabled>Save</button>"), html);

            HttpResponse<String> save = web.send(web.form("/datasets/clips/save?path=set%2Fb.png", login.cookie(),
                    Map.of("_csrf", login.csrf(), "caption", "a blue card", "tags", "blue")));
            assertTrue(save.statusCode() >= 400 && save.body().contains(set + " is read-only, and Save writes its"
                    + " sidecars beside the images"), save.statusCode() + " " + save.body());
            HttpResponse<String> bulk = web.send(web.form("/datasets/clips/bulk", login.cookie(),
                    Map.of("_csrf", login.csrf(), "find", "circle", "replace", "disc")));
            assertTrue(bulk.statusCode() >= 400 && bulk.body().contains("is read-only"), bulk.body());
            HttpResponse<String> tag = web.send(web.form("/jobs/clips/tag", login.cookie(),
                    Map.of("_csrf", login.csrf(), "tagger", "quality")));
            assertTrue(tag.statusCode() >= 400 && tag.body().contains(set + " is read-only, and tag writes its"
                    + " sidecars beside the images"), tag.statusCode() + " " + tag.body());
            HttpResponse<String> caption = web.send(web.form("/jobs/clips/caption", login.cookie(),
                    Map.of("_csrf", login.csrf(), "captioner", "tags")));
            assertTrue(caption.statusCode() >= 400 && caption.body().contains("is read-only, and caption"),
                    caption.body());
            assertFalse(Files.exists(set.resolve("set/b.caption")));
            assertEquals("blue, circle", Files.readString(set.resolve("set/b.txt")));
        } finally {
            makeWritable(set);
        }
        assertFalse(page("").contains("id=\"read-only\""), "a writable folder is not called read-only");
    }

    /** The card of {@code name} in {@code html}: its {@code <article>}. */
    private static String card(String html, String name) {
        int at = html.indexOf("<p class=\"name\">" + name + "</p>");
        assertTrue(at >= 0, name + " has no card: " + html);
        return html.substring(html.lastIndexOf("<article", at), html.indexOf("</article>", at));
    }

    /**
     * A read-only sub-folder of a writable dataset (or a sidecar Tagline cannot write) was offered for editing: its
     * Save failed only when pressed. Now the page names the folder "read-only: viewing only", its cards cannot be
     * edited while the rest can, and the server refuses a Save there and a tag replace that would touch it, before any
     * file is written.
     */
    @Test
    void aReadOnlySubFolderOfAWritableDatasetOfferedEditing_nowItsCardsAreViewingOnlyAndTheRestEditable()
            throws Exception {
        Path ro = web.media.resolve("ro");
        image(ro.resolve("c.png"), Color.GREEN);
        Files.writeString(ro.resolve("c.txt"), "green, circle");
        Path sidecar = web.media.resolve("set/a.txt");
        org.junit.jupiter.api.Assumptions.assumeTrue(makeUnwritable(ro) && makeUnwritable(sidecar), "cannot make a"
                + " folder unwritable here (neither chmod a-w nor chattr +i stops this process)");
        try {
            String html = page("");
            assertTrue(html.contains("<p class=\"read-only\" id=\"read-only-folders\" role=\"note\"><strong>read-only"
                    + "</strong>: viewing only in ro (Tagline cannot write to " + ro + "); the rest of the dataset can"
                    + " be edited.</p>"), html);
            assertFalse(html.contains("id=\"read-only\""), "the dataset itself is writable: " + html);
            String c = card(html, "ro/c.png");
            assertTrue(c.contains("<textarea name=\"caption\" readonly") && c.contains("<button disabled>Save</button>")
                    && c.contains("<strong>read-only</strong>: viewing only (Tagline cannot write to " + ro + ")"), c);
            String a = card(html, "set/a.png");
            assertTrue(a.contains("<button disabled>Save</button>") && a.contains("viewing only (Tagline cannot write to "
                    + sidecar + ")"), a);
            String b = card(html, "set/b.png");
            assertFalse(b.contains("readonly") || b.contains("read-only"), b);
            assertTrue(b.contains("<button>Save</button>"), b);
            assertTrue(html.contains("<button id=\"start-tag\">Tag folder"), "the dataset's jobs stay on: " + html);

            HttpResponse<String> save = web.send(web.form("/datasets/clips/save?path=ro%2Fc.png", login.cookie(),
                    Map.of("_csrf", login.csrf(), "caption", "a green card", "tags", "green")));
            assertTrue(save.statusCode() >= 400 && save.body().contains(ro + " is read-only, and Save writes its"
                    + " sidecars beside the images") && save.body().contains("Make the folder writable"),
                    save.statusCode() + " " + save.body());
            HttpResponse<String> saveA = web.send(web.form("/datasets/clips/save?path=set%2Fa.png", login.cookie(),
                    Map.of("_csrf", login.csrf(), "caption", "a red card", "tags", "red")));
            assertTrue(saveA.statusCode() >= 400 && saveA.body().contains(sidecar + " is read-only, and Save replaces"
                    + " it"), saveA.statusCode() + " " + saveA.body());
            HttpResponse<String> saveB = web.send(web.form("/datasets/clips/save?path=set%2Fb.png", login.cookie(),
                    Map.of("_csrf", login.csrf(), "caption", "a blue card", "tags", "blue, circle")));
            assertEquals(200, saveB.statusCode(), saveB.body());
            assertEquals("a blue card", Files.readString(web.media.resolve("set/b.caption")));
            assertFalse(Files.exists(ro.resolve("c.caption")));
        } finally {
            makeWritable(ro);
            new ProcessBuilder("chattr", "-i", sidecar.toString()).start().waitFor();
            Files.setPosixFilePermissions(sidecar, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
        assertFalse(page("").contains("read-only"), "writable again: nothing is called read-only");
    }

    /**
     * dogfood round 9 L2: with a read-only sub-folder, the page said "the rest of the dataset can be edited", yet
     * "Apply to all images" answered a bare 400 page and wrote nothing. Now the replace is applied to the writable
     * images, the read-only folder (and a read-only tag file) is left as it is, and the dataset page says so.
     */
    @Test
    void aTagReplaceRefusedWholeOverAReadOnlySubFolder_nowAppliesToTheWritableImagesAndNamesTheFolderLeft()
            throws Exception {
        Path ro = web.media.resolve("ro");
        image(ro.resolve("c.png"), Color.GREEN);
        image(ro.resolve("d.png"), Color.GREEN);
        Files.writeString(ro.resolve("c.txt"), "green, circle");
        Files.writeString(ro.resolve("d.txt"), "green, circle");
        Path sidecar = web.media.resolve("set/a.txt");
        org.junit.jupiter.api.Assumptions.assumeTrue(makeUnwritable(ro) && makeUnwritable(sidecar), "cannot make a"
                + " folder unwritable here (neither chmod a-w nor chattr +i stops this process)");
        try {
            HttpResponse<String> bulk = web.send(web.form("/datasets/clips/bulk", login.cookie(),
                    Map.of("_csrf", login.csrf(), "find", "circle", "replace", "disc")));
            assertEquals(302, bulk.statusCode(), bulk.body());
            String to = bulk.headers().firstValue("Location").orElseThrow();
            assertTrue(to.startsWith("/datasets/clips?changed=1&"), to);
            assertEquals("blue, disc", Files.readString(web.media.resolve("set/b.txt")), "the writable image");
            assertEquals("green, circle", Files.readString(ro.resolve("c.txt")));
            assertEquals("red, circle, 1girl", Files.readString(sidecar));
            String html = page(to.substring("/datasets/clips".length()));
            assertTrue(html.contains("<p class=\"notice\" role=\"status\">Changed 1 tag file(s). 2 images in ro/"
                    + " left as they are; set/a.txt left as it is: read-only.</p>"), html);
            assertTrue(html.contains("<button>Apply to all images</button>"), "the form stays on the page: " + html);
        } finally {
            makeWritable(ro);
            new ProcessBuilder("chattr", "-i", sidecar.toString()).start().waitFor();
            Files.setPosixFilePermissions(sidecar, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /**
     * dogfood round 9 L2, the caption job: with a read-only sub-folder it stopped at the first image there, captioning
     * none of the writable ones. Now it passes over the folder, found before the run, and counts it in its message.
     */
    @Test
    void aCaptionJobStoppedAtAReadOnlySubFolder_nowItCaptionsTheWritableImagesAndCountsTheFolderPassedOver()
            throws Exception {
        Path ro = web.media.resolve("ro");
        image(ro.resolve("c.png"), Color.GREEN);
        Files.writeString(ro.resolve("c.txt"), "1girl, smile");
        Files.writeString(web.media.resolve("set/b.txt"), "1girl, smile");
        org.junit.jupiter.api.Assumptions.assumeTrue(makeUnwritable(ro), "cannot make a folder unwritable here");
        try {
            HttpResponse<String> started = web.send(web.form("/jobs/clips/caption", login.cookie(),
                    Map.of("_csrf", login.csrf(), "captioner", "tags", "existing", "overwrite")));
            assertEquals(302, started.statusCode(), started.body());
            String last = "";
            for (int i = 0; i < 300 && !last.contains("\"state\":\"done\"") && !last.contains("\"state\":\"failed\"");
                 i++) {
                Thread.sleep(100);
                last = web.send(web.get("/api/jobs").header("Cookie", login.cookie())).body();
            }
            assertTrue(last.contains("\"state\":\"done\"") && last.contains("\"message\":\"2 images captioned with"
                    + " tags, none failed. 1 image in ro/ passed over: read-only (Tagline cannot write sidecars"
                    + " there).\""), last);
            assertTrue(Files.exists(web.media.resolve("set/b.caption")), "the writable image is captioned");
            assertFalse(Files.exists(ro.resolve("c.caption")));
        } finally {
            makeWritable(ro);
        }
    }
}
