package dev.tagline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.testkit.onnx.ElementType;
import dev.tagline.testkit.onnx.OnnxGraphBuilder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tagline tag} in process with a synthetic WD tagger (scores = per-channel means of the BGR input / 255, so a
 * red image gets {@code red}) given by {@code --model-path}.
 */
class TagCommandTest {
    @TempDir
    Path work;
    Path data;

    @BeforeEach
    void folder() throws IOException {
        data = work.resolve("data");
        Files.createDirectories(data.resolve("sub"));
        png(data.resolve("red.png"), 0xFF0000, 40, 30);
        png(data.resolve("sub/blue.png"), 0x0000FF, 30, 40);
        Files.writeString(data.resolve("broken.jpg"), "<html>not an image</html>");
        Files.writeString(data.resolve("clip.mp4"), "not an image either");
        colourTagger(work.resolve("model"));
    }

    /**
     * A synthetic WD tagger in {@code dir}: scores = per-channel means of the BGR input / 255; rows 0–2 are ratings
     * driven by the blue channel, then {@code blue_sky}, {@code "green, leafy"} and {@code red_(colour)}.
     */
    static Path colourTagger(Path dir) throws IOException {
        Path model = Files.createDirectories(dir);
        OnnxGraphBuilder.create()
                .input("input", ElementType.FLOAT, "N", 32, 32, 3)
                .reduceMean("input", "mean", false, 1, 2)
                .floats("scale", new float[] {1 / 255f}, 1)
                .mul("mean", "scale", "bgr")
                .slice("bgr", "first", new long[] {0}, new long[] {1}, new long[] {1})
                .concat("output", 1, "first", "first", "first", "bgr")
                .output("output", ElementType.FLOAT, "N", 6)
                .write(model.resolve("model.onnx"));
        Files.writeString(model.resolve("selected_tags.csv"), "tag_id,name,category,count\n"
                + "0,general,9,1\n1,sensitive,9,1\n2,questionable,9,1\n3,blue_sky,0,1\n4,\"green, leafy\",0,1\n"
                + "5,red_(colour),0,1\n");
        return model;
    }

    static void png(Path file, int rgb, int w, int h) throws IOException {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        ImageIO.write(image, "png", file.toFile());
    }

    CliTestSupport cli() {
        return new CliTestSupport(work, Map.of("TAGLINE_HOME", work.resolve("home").toString(), "HF_HUB_OFFLINE", "1"));
    }

    int tag(CliTestSupport cli, String... more) {
        String[] args = new String[4 + more.length];
        System.arraycopy(new String[] {"tag", "data", "--tagger", "my-wd"}, 0, args, 0, 4);
        System.arraycopy(more, 0, args, 4, more.length);
        String[] withModel = java.util.Arrays.copyOf(args, args.length + 2);
        withModel[args.length] = "--model-path";
        withModel[args.length + 1] = "model";
        return cli.run(withModel);
    }

    String sidecar(String name) throws IOException {
        return Files.readString(data.resolve(name));
    }

    @Test
    void tagsEveryImageReportsFailuresProviderAndFrequencies() throws IOException {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.SOME_FAILED, tag(cli));
        // the red image is padded with white to a square: its blue and green means are 0.25, red 1.0
        assertEquals("red (colour)", sidecar("red.txt"));
        assertEquals("blue sky", sidecar("sub/blue.txt"));
        assertFalse(Files.exists(data.resolve("broken.txt")));
        assertFalse(Files.exists(data.resolve("clip.txt")));
        assertTrue(cli.err().contains("tagger my-wd (" + work.resolve("model")), cli.err());
        assertTrue(cli.err().contains("model.onnx on CPU"), cli.err());
        assertTrue(cli.err().contains("input 32x32, batch up to 8"), cli.err());
        assertTrue(cli.err().contains("jpeg decoder " + dev.tagline.images.load.ImageLoader.jpegDecoder()), cli.err());
        assertTrue(cli.err().contains("broken.jpg"), cli.err());
        assertTrue(cli.out().contains("tag (2 images)"), cli.out());
        assertTrue(cli.out().matches("(?s).*red \\(colour\\)\\s+1\\s+50.0%.*"), cli.out());
        // re-check item 17: "tag: 4 done" for 2 images, clip.mp4 and the failed broken.jpg, and the rate of 4
        assertTrue(cli.err().matches("(?s).*\ntag: 2 done in [^\n]* \\(\\d+\\.\\d img/s\\), 1 passed over, 1 failed\n.*"),
                cli.err());
    }

    @Test
    void aHubRepoIdAndAnHfCacheRepoFolderWereRefused_nowTheTaggerRunsFromTheRefsMainSnapshot() throws IOException {
        Path repo = work.resolve("hf/hub/models--SmilingWolf--wd-swinv2-tagger-v3");
        String commit = "d".repeat(40);
        Path snapshot = Files.createDirectories(repo.resolve("snapshots").resolve(commit));
        Files.createDirectories(repo.resolve("refs"));
        Files.writeString(repo.resolve("refs/main"), commit);
        for (String name : List.of("model.onnx", "selected_tags.csv")) {
            Files.copy(work.resolve("model").resolve(name), snapshot.resolve(name));
        }
        CliTestSupport cli = cli();

        assertEquals(ExitCode.SOME_FAILED, cli.run("tag", "data", "--tagger", "SmilingWolf/wd-swinv2-tagger-v3",
                "--model-path", "hf/hub/models--SmilingWolf--wd-swinv2-tagger-v3"), cli.err());

        assertEquals("red (colour)", sidecar("red.txt"));
        assertTrue(cli.err().contains("tagger wd-swinv2-tagger-v3 (" + snapshot), cli.err());
    }

    @Test
    void handCopiedWdFilesWereTrustedAndGotAVerifiedHashOnFirstUse_nowTheRunSaysUnverifiedAndRecordsNone()
            throws IOException {
        Path cached = Files.createDirectories(work.resolve("home/models/wd-vit-tagger-v3"));
        for (String name : List.of("model.onnx", "selected_tags.csv")) {
            Files.copy(work.resolve("model").resolve(name), cached.resolve(name));
        }
        CliTestSupport cli = cli();

        assertEquals(ExitCode.SOME_FAILED, cli.run("tag", "data", "--tagger", "wd-vit-tagger-v3"), cli.err());

        assertEquals("red (colour)", sidecar("red.txt"));
        assertTrue(cli.err().contains("unverified copy (copied by hand; no pinned hash)"), cli.err());
        assertFalse(Files.exists(cached.resolve(".model.onnx.sha256")), "no hash that would later 'verify' it");
        assertTrue(Files.exists(cached.resolve(".model.onnx.unverified")));
    }

    @Test
    void aNearMissTaggerIdGetsADidYouMean() {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, cli.run("tag", "data", "--tagger", "wd-vit-v3"));
        assertTrue(cli.err().contains("Unknown model 'wd-vit-v3'") && cli.err().contains("Did you mean "
                + "'wd-vit-tagger-v3'?"), cli.err());
    }

    @Test
    void twoImagesWithTheSameStemAreAFailureNotASilentlySharedSidecar() throws IOException {
        png(data.resolve("sub/blue.jpg"), 0x00FF00, 30, 40);
        CliTestSupport cli = cli();
        assertEquals(ExitCode.SOME_FAILED, tag(cli));
        assertFalse(Files.exists(data.resolve("sub/blue.txt")), "neither writes the sidecar they would share");
        assertTrue(cli.err().contains("failed      sub/blue.jpg: would share the sidecar blue.txt with sub/blue.png"),
                cli.err());
        assertTrue(cli.err().contains("failed      sub/blue.png: would share the sidecar blue.txt with sub/blue.jpg"
                + " (kohya pairs a sidecar with every image of that name), so its text would be lost. Rename one of"
                + " the two images, e.g. blue.png to blue_png.png, and run again."), cli.err());
    }

    @Test
    void aBadRuleOptionIsRefusedBeforeAnyModelIsLoaded() {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, cli.run("tag", "data", "--tagger", "no-such-model", "--max-tags", "-1"));
        assertTrue(cli.err().contains("max-tags"), cli.err());
        assertFalse(cli.err().contains("no-such-model"), "the rules before the model: " + cli.err());
    }

    @Test
    void aFilePatternGivenToExcludeIsRefusedWithTheOptionThatSkipsFiles() {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, cli.run("tag", "data", "--tagger", "no-such-model", "--exclude",
                "watermark,raw/**"));
        assertTrue(cli.err().startsWith("error: --exclude 'raw/**' looks like a file pattern, but --exclude names tags"
                + " to leave out of the sidecars. Skip files with --exclude-files 'raw/**'."), cli.err());
    }

    @Test
    void aReadOnlyFolderIsRefusedBeforeAnyModelIsLoaded() {
        // root may write anywhere but a read-only mount; /proc/sys is one on Linux
        Path readOnly = Path.of("/proc/sys");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(readOnly) && !Files.isWritable(readOnly),
                "needs a folder this user cannot write to (/proc/sys on Linux)");
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, cli.run("tag", readOnly.toString(), "--tagger", "no-such-model"));
        assertTrue(cli.err().startsWith("error: /proc/sys is read-only, and tag writes its sidecars beside the images."
                + " Make the folder writable"), "before the unknown model is even looked for: " + cli.err());
    }

    /** dogfood item 23: a --limit run did not say that files were left. */
    @Test
    void aLimitedRunSaysHowManyFilesAreLeftAndThatRunningAgainContinues() {
        CliTestSupport cli = cli();
        tag(cli, "--limit", "1");
        assertTrue(cli.out().contains("3 files left untagged (--limit): run the same command again to continue with"
                + " them."), cli.out());
        CliTestSupport rest = cli();
        tag(rest);
        assertFalse(rest.out().contains("left untagged"), rest.out());
    }

    @Test
    void aSecondRunResumesAndKeepsTheFolderFrequencies() throws IOException {
        tag(cli());
        Files.delete(data.resolve("red.txt"));
        CliTestSupport again = cli();
        tag(again);
        assertTrue(again.out().contains("3 files were done by an earlier run"), again.out());
        assertTrue(again.out().contains("tag (2 images)"), again.out());
        assertFalse(Files.exists(data.resolve("red.txt")), "resumed images are not tagged again");
    }

    @Test
    void rulesApplyAndExistingSidecarsAreKeptUnlessAsked() throws IOException {
        Files.writeString(data.resolve("red.txt"), "my caption");
        CliTestSupport cli = cli();
        tag(cli, "--general-threshold", "0.2", "--rating", "first", "--trigger", "sks", "--with-scores");
        assertEquals("my caption", sidecar("red.txt"));
        // blue on a white pad: blue 1.0, green and red 0.25; the three ratings tie at 1.0 and the first wins
        assertEquals("sks, general:1.00, blue sky:1.00, green, leafy:0.25, red (colour):0.25", sidecar("sub/blue.txt"));
        tag(cli(), "--general-threshold", "0.2", "--existing", "append", "--restart", "--exclude", "blue_sky",
                "--replace", "red_(colour),crimson", "--keep-underscores");
        assertEquals("my caption, crimson, green, leafy", sidecar("red.txt"));
    }

    /**
     * dogfooding F9: {@code tag --trigger "ohwx man" --existing append} on the hand caption "ohwx man portrait" wrote
     * "ohwx man portrait, ohwx man, solo, portrait": the trigger twice, the second not first.
     */
    @Test
    void appendAfterAHandCaptionStartingWithTheTriggerWroteItTwice_nowItIsFirstOnce() throws IOException {
        Files.writeString(data.resolve("red.txt"), "ohwx man portrait");
        CliTestSupport cli = cli();
        tag(cli, "--general-threshold", "0.5", "--trigger", "ohwx man", "--existing", "append");
        assertEquals("ohwx man, portrait, red (colour)", sidecar("red.txt"), cli.err());
        Files.writeString(data.resolve("red.txt"), "Ohwx Man portrait");
        tag(cli(), "--general-threshold", "0.5", "--trigger", "ohwx man", "--existing", "prepend", "--restart");
        assertEquals("ohwx man, red (colour), portrait", sidecar("red.txt"));
    }

    @Test
    void mcutAndSortAndMaxTagsReachTheRules() throws IOException {
        tag(cli(), "--general-threshold", "0.01", "--sort", "vocab", "--max-tags", "2", "--separator", " | ");
        assertEquals("blue sky | green, leafy", sidecar("red.txt"));
    }

    @Test
    void modelPathNeedsExactlyOneModelTagger() {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, cli.run("tag", "data", "--tagger", "quality", "--model-path", "model"));
        assertTrue(cli.err().contains("--model-path needs exactly one model tagger"), cli.err());
    }

    @Test
    void aWorkerNiceOutsideZeroToNineteenIsAUsageError() throws IOException {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, tag(cli, "--worker-nice", "20"));
        assertTrue(cli.err().contains("--worker-nice 20 is out of range"), cli.err());
        assertFalse(Files.exists(data.resolve("red.txt")), "nothing tagged");
        assertEquals(ExitCode.SOME_FAILED, tag(cli(), "--worker-nice", "0"), "0 runs (broken.jpg fails)");
        assertTrue(Files.exists(data.resolve("red.txt")));
    }

    /** A mistyped folder fails before any model loads (a WD model would be downloaded first). */
    @Test
    void aMissingFolderFailsBeforeAnyModelLoads() {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, cli.run("tag", "no-such-folder", "--tagger", "my-wd", "--model-path", "model"));
        assertTrue(cli.err().contains("no-such-folder does not exist"), cli.err());
        assertFalse(cli.err().contains("tagger my-wd"), "no model was loaded: " + cli.err());
    }

    @Test
    void aFolderThatIsNoTaggerIsRefusedNamingItsFiles() throws IOException {
        Files.delete(work.resolve("model/selected_tags.csv"));
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, tag(cli));
        assertTrue(cli.err().contains("is not a tagger Tagline knows: it has model.onnx"), cli.err());
    }

    @Test
    void qualityIsTheDefaultTagger() {
        CliTestSupport cli = cli();
        cli.run("tag", "--help");
        assertTrue(cli.out().contains("Default: quality"), cli.out());
    }

    /** dogfood item 3: {@code --extension .jpg} wrote text files named like images next to the PNGs. */
    @Test
    void anImageOrVideoSidecarExtensionIsAUsageErrorBeforeAnyWork() {
        // .avif and .heic images Tagline does not read, and kohya's .npz latent cache
        for (String ext : new String[] {".jpg", "PNG", ".mp4", ".avif", ".heic", ".npz"}) {
            CliTestSupport cli = cli();
            assertEquals(ExitCode.USAGE, tag(cli, "--extension", ext), cli.err());
            assertTrue(cli.err().contains("--extension ." + ext.replace(".", "") + " is"), cli.err());
            assertTrue(cli.err().contains("Use a text extension such as .txt or .caption."), cli.err());
            assertFalse(cli.err().contains("tagger my-wd"), "no model was loaded: " + cli.err());
        }
        assertFalse(Files.exists(data.resolve("red.jpg")));
        assertFalse(Files.exists(data.resolve("red.mp4")));
    }

    /**
     * dogfood item 5: with every sidecar in place, {@code tag --trigger xyz} ran the model, said "done", and listed
     * tags in its table that no file holds.
     */
    /**
     * re-check item 18: {@code --extension .json} wrote text over gallery-dl's metadata and Tagline's own {@code --json}
     * record, {@code .toml} where kohya's dataset configs live; {@code .jxl} is an image to kohya.
     */
    @Test
    void aMetadataOrJxlSidecarExtensionIsAUsageErrorBeforeAnyWork() throws IOException {
        Files.writeString(data.resolve("red.json"), "{\"category\": \"gallery-dl\"}");
        for (String ext : new String[] {".json", "JSON", ".toml", ".jxl"}) {
            CliTestSupport cli = cli();
            assertEquals(ExitCode.USAGE, tag(cli, "--extension", ext), cli.err());
            assertTrue(cli.err().contains("--extension ." + ext.replace(".", "") + " is"), cli.err());
            assertTrue(cli.err().contains("Use a text extension such as .txt or .caption."), cli.err());
            assertFalse(cli.err().contains("tagger my-wd"), "no model was loaded: " + cli.err());
            assertEquals(1, cli.err().strip().lines().count(), "one line: " + cli.err());
        }
        assertEquals("{\"category\": \"gallery-dl\"}", Files.readString(data.resolve("red.json")));
        assertFalse(Files.exists(data.resolve("red.toml")));
    }

    @Test
    void imagesWhoseSidecarsExistArePassedOverAndSaidSo() throws IOException {
        Files.writeString(data.resolve("red.txt"), "my caption");
        Files.writeString(data.resolve("sub/blue.txt"), "other caption");
        CliTestSupport cli = cli();
        tag(cli, "--trigger", "xyz");
        assertEquals("my caption", sidecar("red.txt"));
        assertTrue(cli.out().contains("2 images passed over: their sidecars exist and were kept (--existing overwrite"
                + " replaces them)."), cli.out());
        assertTrue(cli.out().contains("tag (0 images)"), "no tags that are not on disk: " + cli.out());
        assertFalse(cli.out().contains("red (colour)"), cli.out());
    }

    /**
     * round 3 finding 4: a kohya repeat folder built of symbolic links tagged, captioned and checked 0 images with exit
     * code 0 and no word on the links; a mixed folder left its link out without a trace.
     */
    @Test
    void symbolicLinksPassedOverAreCountedOnceAndAFolderWithoutImagesSaysSo() throws IOException {
        Path repeat = Files.createDirectories(work.resolve("ln/10_ohwx"));
        Files.createSymbolicLink(repeat.resolve("red.png"), data.resolve("red.png"));
        Files.createSymbolicLink(repeat.resolve("blue.png"), data.resolve("sub/blue.png"));
        Files.writeString(data.resolve("red.txt"), "1girl, red hair");
        Files.createSymbolicLink(repeat.resolve("red.txt"), data.resolve("red.txt")); // a sidecar: not counted
        for (String command : new String[] {"tag", "check"}) {
            CliTestSupport cli = cli();
            assertEquals(ExitCode.SOME_FAILED, cli.run(command, "ln"), command + ": " + cli.out() + cli.err());
            assertTrue(cli.out().contains("2 symbolic links passed over: add --follow-links to follow them."),
                    command + ": " + cli.out());
            assertTrue(cli.out().contains("No images found in " + work.resolve("ln") + ": nothing to " + command
                    + ". Check the folder (its images are symbolic links: add --follow-links)."), cli.out());
            assertEquals(1, cli.out().split("symbolic links passed over", -1).length - 1, "once: " + cli.out());
        }
        CliTestSupport caption = cli();
        assertEquals(ExitCode.SOME_FAILED, caption.run("caption", "ln", "--captioner", "tags"), caption.err());
        assertTrue(caption.out().contains("2 symbolic links passed over"), caption.out());
        assertFalse(Files.exists(repeat.resolve("red.caption")));

        CliTestSupport followed = cli();
        assertEquals(ExitCode.OK, followed.run("tag", "ln", "--follow-links", "--existing", "overwrite"),
                followed.err());
        assertFalse(followed.out().contains("symbolic link"), followed.out());
        assertFalse(followed.out().contains("No images"), followed.out());

        Files.createSymbolicLink(data.resolve("link.png"), data.resolve("red.png"));
        CliTestSupport mixed = cli();
        assertEquals(ExitCode.SOME_FAILED, tag(mixed), "broken.jpg fails: " + mixed.err());
        assertTrue(mixed.out().contains("1 symbolic link passed over: add --follow-links to follow it."),
                mixed.out());
        assertFalse(mixed.out().contains("No images"), mixed.out());

        Files.createDirectories(work.resolve("empty"));
        CliTestSupport empty = cli();
        assertEquals(ExitCode.SOME_FAILED, empty.run("caption", "empty", "--captioner", "tags"), empty.err());
        assertTrue(empty.out().contains("No images found in " + work.resolve("empty") + ": nothing to caption."
                + " Check the folder and the options that pick files (--include, --no-recursive)."), empty.out());
        assertFalse(empty.out().contains("symbolic link"), empty.out());
    }

    /** dogfooding: OneTrainer masks beside their images were tagged as images (red-masklabel.txt was written). */
    @Test
    void oneTrainerMasksBesideTheirImagesArePassedOverNotTagged() throws IOException {
        png(data.resolve("red-masklabel.png"), 0xFFFFFF, 40, 30);
        png(data.resolve("sub/lone-masklabel.png"), 0x0000FF, 30, 40); // no lone.* beside it: an image
        CliTestSupport cli = cli();
        assertEquals(ExitCode.SOME_FAILED, tag(cli), "broken.jpg fails: " + cli.err());
        assertFalse(Files.exists(data.resolve("red-masklabel.txt")), "the mask is no image of the dataset");
        assertEquals("red (colour)", sidecar("red.txt"));
        assertEquals("blue sky", sidecar("sub/lone-masklabel.txt"));
        assertTrue(cli.out().contains("1 OneTrainer mask (NAME-masklabel.png beside NAME.jpg) passed over: it is part"
                + " of its image, not an image of the dataset."), cli.out());
        assertTrue(cli.err().matches("(?s).*\ntag: 3 done in [^\n]*, 2 passed over, 1 failed\n.*"), cli.err());
        CliTestSupport caption = cli();
        assertEquals(ExitCode.OK, caption.run("caption", "data", "--captioner", "tags", "--include", "*.png"),
                caption.err());
        assertTrue(Files.exists(data.resolve("red.caption")));
        assertFalse(Files.exists(data.resolve("red-masklabel.caption")), "the mask is not captioned either");
        assertTrue(caption.out().contains("1 OneTrainer mask (NAME-masklabel.png beside NAME.jpg) passed over"),
                caption.out());
    }
}
