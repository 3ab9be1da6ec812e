package dev.tagline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tagline check} end to end, in process, on a generated folder with one file per verdict. */
class CheckCommandTest {
    @TempDir
    Path work;
    Path data;

    static byte[] image(int w, int h, String format) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(w % 256, h % 256, 90));
        g.fillRect(0, 0, w, h);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    @BeforeEach
    void folder() throws IOException {
        data = work.resolve("data");
        Files.createDirectories(data.resolve("sub"));
        Files.write(data.resolve("a.jpg"), image(300, 300, "jpg"));
        Files.write(data.resolve("b.png"), image(320, 300, "png"));
        Files.write(data.resolve("copy-of-a.jpg"), Files.readAllBytes(data.resolve("a.jpg")));
        byte[] jpeg = image(400, 300, "jpg");
        Files.write(data.resolve("sub/cut.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2));
        Files.writeString(data.resolve("sub/cut.txt"), "a caption");
        Files.write(data.resolve("sub/empty.png"), new byte[0]);
        Files.write(data.resolve("tiny.png"), image(64, 64, "png"));
        Files.writeString(data.resolve("clip.mp4"), "not really");
        Files.writeString(data.resolve("a.txt"), "sidecars are not reported");
    }

    private CliTestSupport cli() {
        return new CliTestSupport(work, Map.of("TAGLINE_HOME", work.resolve("home").toString()));
    }

    @Test
    void reportsEveryVerdictTouchesNothingAndExitsOneForCorruptFiles() throws IOException {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.SOME_FAILED, cli.run("check", "data", "--report", "check.jsonl"));
        String out = cli.out();
        assertTrue(out.matches("(?s).*ok\\s+2 .*"), out);
        assertTrue(out.matches("(?s).*corrupt\\s+2 .*"), out);
        assertTrue(out.matches("(?s).*duplicate\\s+1 .*"), out);
        assertTrue(out.matches("(?s).*too-small\\s+1 .*"), out);
        assertTrue(out.matches("(?s).*unsupported\\s+1 .*"), out);
        assertTrue(out.matches("(?s).*total\\s+7 .*"), out);
        assertTrue(cli.err().contains("corrupt     sub/cut.jpg: decoder warning"), cli.err());
        assertTrue(cli.err().contains("duplicate   copy-of-a.jpg: same bytes as a.jpg"), cli.err());
        assertTrue(cli.err().contains("unsupported clip.mp4"), cli.err());
        // 7 files, 2 corrupt, 1 video: a failed file is not done, and a file that is no image is passed over
        assertTrue(cli.err().matches("(?s).*check: 4 done in [^\n]*, 1 passed over, 2 failed.*"), "final totals line: "
                + cli.err());
        assertTrue(cli.err().contains("jpeg decoder " + dev.tagline.images.load.ImageLoader.jpegDecoder()), cli.err());
        List<String> report = Files.readAllLines(work.resolve("check.jsonl"));
        assertEquals(7, report.size());
        assertTrue(report.get(0).startsWith("{\"file\":\"a.jpg\",\"verdict\":\"ok\""), report.get(0));
        assertTrue(Files.exists(data.resolve("sub/cut.jpg")), "report-only touches nothing");
    }

    /** dogfood item 21: "unsupported 1 0 B", and an unreadable name missing from the table after "none failed". */
    @Test
    void unsupportedFilesHaveTheirRealSizeAndAnUnreadableNameIsInTheTableAndTheFailures() throws Exception {
        Process touch = new ProcessBuilder("sh", "-c", "touch \"$(printf 'caf\\351.jpg')\"").directory(data.toFile())
                .start();
        assertEquals(0, touch.waitFor());
        CliTestSupport cli = cli();
        assertEquals(ExitCode.SOME_FAILED, cli.run("check", "data", "--report", "check.jsonl"));
        assertTrue(cli.out().matches("(?s).*unsupported\\s+1\\s+10 B.*"), "clip.mp4 holds 10 bytes: " + cli.out());
        assertTrue(Files.readString(work.resolve("check.jsonl")).contains("\"file\":\"clip.mp4\",\"verdict\":"
                + "\"unsupported\",\"detail\":\".mp4 is not an image format Tagline reads\",\"bytes\":10"));
        assertTrue(cli.out().matches("(?s).*\nunreadable\\s+1\\s+-\n.*"), cli.out());
        assertTrue(cli.out().contains("unreadable: 1 folder or file name that could not be read"), cli.out());
        assertTrue(cli.err().matches("(?s).*check: 4 done in [^\n]*, 1 passed over, 3 failed.*"),
                "2 corrupt and the name: " + cli.err());
    }

    /** dogfood item 9: a read-only dataset could not be checked, and a bad --report was found only at the end. */
    @Test
    void aDatasetWithoutAWritableStateFolderIsCheckedWithItsJournalInTaglineHome() throws IOException {
        Files.writeString(data.resolve(".tagline"), "stands for a folder that cannot be created");
        CliTestSupport cli = cli();
        assertEquals(ExitCode.SOME_FAILED, cli.run("check", "data"), cli.err());
        assertTrue(cli.err().contains("journal     " + data.resolve(".tagline") + " cannot be created (a file of that"
                + " name is in the way): progress is kept in " + work.resolve("home/state/journals")), cli.err());
        assertTrue(cli.out().matches("(?s).*corrupt\\s+2 .*"), cli.out());
    }

    @Test
    void anUnwritableReportIsRefusedBeforeTheRunAndNothingIsWritten() {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, cli.run("check", "data", "--report", "data/a.jpg/check.jsonl"));
        assertTrue(cli.err().contains("Cannot write --report " + data.resolve("a.jpg/check.jsonl") + ": "
                + data.resolve("a.jpg") + " is a file, not a folder"), cli.err());
        assertFalse(Files.exists(data.resolve(".tagline")), "no journal: exit code 2 means nothing was changed");
        assertFalse(cli.err().contains("check: "), "no run: " + cli.err());
    }

    @Test
    void imagesThatWouldShareASidecarAreWarnedAbout() throws IOException {
        Files.write(data.resolve("b.jpg"), image(330, 300, "jpg"));
        CliTestSupport cli = cli();
        cli.run("check", "data");
        assertTrue(cli.err().contains("warning     b.png: would share the sidecar b.txt and b.caption with b.jpg"
                + " (kohya pairs a sidecar with every image of that name)"), cli.err());
        assertTrue(cli.err().contains("warning     b.jpg: would share the sidecar b.txt and b.caption with b.png"),
                cli.err());
    }

    /** dogfood round 6, H11: a re-run printed "none failed", named no bad file and exited 1. */
    @Test
    void aResumedRunExitedOneNamingNoFile_nowItNamesTheProblemFilesFoundEarlier() throws IOException {
        CliTestSupport first = cli();
        assertEquals(ExitCode.SOME_FAILED, first.run("check", "data"));
        assertFalse(first.err().contains("found by an earlier run"), "named once, as found: " + first.err());
        CliTestSupport again = cli();
        assertEquals(ExitCode.SOME_FAILED, again.run("check", "data"));
        assertTrue(again.out().contains("checked by an earlier run and not decoded again"), again.out());
        assertTrue(again.err().matches("(?s).*corrupt     sub/cut\\.jpg: decoder warning[^\n]* \\(found by an earlier"
                + " run\\).*"), again.err());
        assertEquals(2, again.err().lines().filter(l -> l.endsWith("(found by an earlier run)")).count(),
                "both corrupt files, nothing else: " + again.err());
    }

    /** dogfood round 7, J16: a resumed run's progress line still said "none failed" before the corrupt lines and exit 1. */
    @Test
    void aResumedRunsProgressLineSaidNoneFailed_nowItCountsTheFilesThatFailedInAnEarlierRun() {
        cli().run("check", "data");
        CliTestSupport again = cli();
        assertEquals(ExitCode.SOME_FAILED, again.run("check", "data"));
        String progress = again.err().lines().filter(l -> l.startsWith("check: ")).reduce((a, b) -> b).orElseThrow();
        assertTrue(progress.endsWith(", none failed this run, 2 failed in an earlier run"), again.err());
        int line = again.err().indexOf(progress);
        assertTrue(again.err().indexOf("(found by an earlier run)") > line, "named after it: " + again.err());
    }

    /**
     * dogfooding F5: the same.jpg/same.png warning was printed only by the run that decoded them; a resumed run (and
     * {@code --report}) said nothing, and then {@code tag} failed both.
     */
    @Test
    void theSharedSidecarWarningWasOnlyOnTheRunThatDecodedThem_nowEveryRunAndTheReportSayIt() throws IOException {
        Files.write(data.resolve("b.jpg"), image(330, 300, "jpg"));
        cli().run("check", "data");
        CliTestSupport again = cli();
        again.run("check", "data", "--quarantine", "bad", "--report", "check.jsonl");
        assertTrue(again.out().contains("checked by an earlier run and not decoded again"), "resumed: " + again.out());
        assertTrue(again.err().contains("warning     b.png: would share the sidecar b.txt and b.caption with b.jpg"),
                again.err());
        assertTrue(again.err().contains("warning     b.jpg: would share the sidecar b.txt and b.caption with b.png"),
                again.err());
        assertTrue(again.out().contains("2 files would share a sidecar with another image of the same name (see the"
                + " warnings): tag and caption fail them until one of each pair is renamed or removed."), again.out());
        List<String> report = Files.readAllLines(work.resolve("check.jsonl"));
        for (String image : List.of("b.jpg", "b.png")) {
            String line = report.stream().filter(l -> l.startsWith("{\"file\":\"" + image + "\"")).findFirst()
                    .orElseThrow();
            assertTrue(line.contains("\"verdict\":\"ok\""), line);
            assertTrue(line.contains("\"warning\":\"would share the sidecar b.txt and b.caption with "), line);
        }
        assertFalse(report.stream().filter(l -> l.startsWith("{\"file\":\"a.jpg\"")).findFirst().orElseThrow()
                .contains("warning"));
    }

    @Test
    void quarantineMovesBadFilesWithSidecarsKeepingRelativePaths() {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.SOME_FAILED, cli.run("check", "data", "--quarantine", "bad"));
        assertTrue(Files.exists(work.resolve("bad/sub/cut.jpg")));
        assertTrue(Files.exists(work.resolve("bad/sub/cut.txt")), "sidecar moved along");
        assertTrue(Files.exists(work.resolve("bad/copy-of-a.jpg")));
        assertTrue(Files.exists(work.resolve("bad/tiny.png")));
        assertFalse(Files.exists(data.resolve("sub/cut.jpg")));
        assertTrue(Files.exists(data.resolve("a.jpg")));
        assertTrue(Files.exists(data.resolve("clip.mp4")), "unsupported files are reported, not moved");
        assertTrue(cli.out().contains("quarantined: 4"), cli.out());
    }

    /**
     * Also dogfooding F4: a later run without {@code --quarantine} called the files set aside "no longer in the folder
     * (moved or deleted since)", as if lost; the last check's report now says where they went.
     */
    @Test
    void aQuarantineInsideTheDatasetStaysOutOfLaterRuns() throws IOException {
        assertEquals(ExitCode.SOME_FAILED, cli().run("check", "data", "--quarantine", "data/bad"));
        assertTrue(Files.exists(data.resolve("bad/sub/cut.jpg")));
        assertTrue(Files.exists(data.resolve("bad/" + dev.tagline.core.batch.ScanOptions.SET_ASIDE_MARKER)));
        Files.delete(data.resolve("b.png"));
        CliTestSupport again = cli();
        assertEquals(ExitCode.OK, again.run("check", "data"), again.out() + again.err());
        String out = again.out();
        assertFalse(out.matches("(?s).*corrupt\\s+\\d.*"), "the moved files are neither scanned nor counted: " + out);
        assertTrue(out.contains("4 files were set aside by an earlier run's --quarantine and are not counted above."),
                out);
        assertTrue(out.contains("1 file checked by an earlier run is no longer in the folder"), "b.png: " + out);
        CliTestSupport fresh = cli();
        assertEquals(ExitCode.OK, fresh.run("check", "data", "--restart"), fresh.err());
        assertFalse(fresh.err().contains("bad/"), fresh.err());
    }

    @Test
    void aQuarantineFolderHoldingTheDatasetIsRefused() {
        for (String target : new String[] {"data", "."}) {
            CliTestSupport cli = cli();
            assertEquals(ExitCode.USAGE, cli.run("check", "data", "--quarantine", target), cli.err());
            assertTrue(cli.err().contains("holds the folder being checked"), cli.err());
            assertTrue(Files.exists(data.resolve("sub/cut.jpg")), "nothing moved");
        }
    }

    @Test
    void dryRunShowsWhatWouldHappenAndChangesNothing() {
        CliTestSupport cli = cli();
        cli.run("check", "data", "--quarantine", "bad", "--dry-run");
        assertTrue(cli.out().contains("would move sub/cut.jpg"), cli.out());
        assertTrue(Files.exists(data.resolve("sub/cut.jpg")));
        assertFalse(Files.exists(work.resolve("bad")));
    }

    /** dogfood item 22: dry runs listed the images only, not the sidecars that would go with them. */
    @Test
    void dryRunsListTheSidecarsThatWouldMoveOrBeDeletedToo() {
        CliTestSupport moving = cli();
        moving.run("check", "data", "--quarantine", "bad", "--dry-run");
        assertTrue(moving.out().contains("would move sub/cut.txt (sidecar) to " + work.resolve("bad/sub/cut.txt")),
                moving.out());
        CliTestSupport deleting = cli();
        deleting.run("check", "data", "--delete-corrupt", "--dry-run");
        assertTrue(deleting.out().contains("would delete sub/cut.txt (sidecar)"), deleting.out());
        assertTrue(Files.exists(data.resolve("sub/cut.txt")));
    }

    /** dogfood item 22: "Delete these 1 corrupt files?", then "not deleted (needs --yes)" after the user said n. */
    @Test
    void answeringNoKeepsTheFilesAndTheSummarySaysSoInTheRightNumber() throws IOException {
        cli().run("check", "data");
        Path journal;
        try (var files = Files.list(data.resolve(".tagline"))) {
            journal = files.filter(f -> f.getFileName().toString().startsWith("check")).findFirst().orElseThrow();
        }
        dev.tagline.images.check.CheckActions actions = new dev.tagline.images.check.CheckActions(data,
                new dev.tagline.images.check.CheckPolicy(null, true, false, false),
                new dev.tagline.images.load.ImageLoader(dev.tagline.images.load.LoadOptions.DEFAULTS), line -> { });
        assertEquals(Map.of("kept (you answered no)", 2L), actions.apply(journal, null,
                dev.tagline.images.check.CheckActions.Deletion.DECLINED).actions());
        assertTrue(Files.exists(data.resolve("sub/cut.jpg")));
        assertEquals("Delete this corrupt file?", DeleteConfirmation.question(1));
        assertEquals("Delete these 2 corrupt files?", DeleteConfirmation.question(2));
    }

    @Test
    void deleteCorruptOnlyWithTheFlagAndListsFirstWithoutYes() {
        CliTestSupport cli = cli();
        cli.run("check", "data");
        assertTrue(Files.exists(data.resolve("sub/empty.png")), "no flag, no deletion");
        CliTestSupport listing = cli();
        listing.run("check", "data", "--delete-corrupt");
        assertTrue(listing.out().contains("sub/cut.jpg") && listing.out().contains("sub/cut.txt (sidecar)"),
                listing.out());
        assertTrue(listing.out().contains("add --yes"), listing.out());
        assertTrue(Files.exists(data.resolve("sub/cut.jpg")), "not deleted without --yes off a terminal");
        CliTestSupport deleting = cli();
        deleting.run("check", "data", "--delete-corrupt", "--yes");
        assertFalse(Files.exists(data.resolve("sub/cut.jpg")));
        assertFalse(Files.exists(data.resolve("sub/cut.txt")));
        assertFalse(Files.exists(data.resolve("sub/empty.png")));
        assertTrue(Files.exists(data.resolve("copy-of-a.jpg")), "only corrupt files are deleted");
        assertTrue(deleting.out().contains("deleted: 2"), deleting.out());
    }

    @Test
    void aSecondRunResumesFromTheJournalAndRestartRedoesEverything() {
        cli().run("check", "data");
        CliTestSupport again = cli();
        again.run("check", "data");
        assertTrue(again.out().contains("7 files were checked by an earlier run"), again.out());
        assertTrue(again.out().matches("(?s).*corrupt\\s+2 .*"), "the summary still counts them: " + again.out());
        CliTestSupport restart = cli();
        restart.run("check", "data", "--restart");
        assertFalse(restart.out().contains("earlier run"), restart.out());
    }

    @Test
    void limitAndShardSplitTheWork() {
        CliTestSupport limited = cli();
        limited.run("check", "data", "--limit", "3", "--min-side", "0");
        assertTrue(limited.out().matches("(?s).*total\\s+3 .*"), limited.out());
        assertTrue(limited.out().contains("4 files left unchecked (--limit): run the same command again to continue"
                + " with them."), "dogfood item 23: " + limited.out());
        int sum = 0;
        for (String shard : List.of("1/2", "2/2")) {
            CliTestSupport part = cli();
            part.run("check", "data", "--shard", shard, "--restart");
            String total = part.out().lines().filter(l -> l.startsWith("total")).findFirst().orElseThrow();
            sum += Integer.parseInt(total.split("\\s+")[1]);
        }
        assertEquals(7, sum, "the two shards cover the folder once");
    }

    @Test
    void settingsComeFromTheEnvironmentAndBadValuesAreUsageErrors() {
        CliTestSupport env = new CliTestSupport(work, Map.of("TAGLINE_HOME", work.resolve("home").toString(),
                "TAGLINE_CHECK_MIN_SIDE", "0"));
        env.run("check", "data");
        assertFalse(env.out().contains("too-small"), env.out());
        CliTestSupport bad = cli();
        assertEquals(ExitCode.USAGE, bad.run("check", "data", "--shard", "3/2"));
        assertTrue(bad.err().contains("--shard i/n"), bad.err());
        CliTestSupport colour = cli();
        assertEquals(ExitCode.USAGE, colour.run("check", "data", "--background", "mauve"));
        assertTrue(colour.err().contains("#RRGGBB"), colour.err());
    }

    @Test
    void rewriteRgbKeepsTheOriginal() throws IOException {
        Files.write(data.resolve("misnamed.jpg"), image(300, 300, "png"));
        CliTestSupport cli = cli();
        cli.run("check", "data", "--rewrite-rgb");
        Path original = data.resolve(".tagline/originals/misnamed.jpg");
        assertTrue(Files.exists(original), cli.out());
        byte[] now = Files.readAllBytes(data.resolve("misnamed.jpg"));
        assertEquals(0xFF, now[0] & 0xff, "re-saved as a real JPEG");
        assertTrue(cli.out().contains("rewritten: 1"), cli.out());
        assertTrue(new String(Files.readAllBytes(original), 1, 3, StandardCharsets.ISO_8859_1).equals("PNG"));
    }

    @Test
    void exportWritesMetadataAndFailsWhenNoSidecarMatches() throws IOException {
        Files.writeString(data.resolve("a.caption"), "a photo");
        CliTestSupport cli = cli();
        assertEquals(ExitCode.OK, cli.run("export", "data", "--format", "hf"));
        assertTrue(Files.readString(data.resolve("metadata.jsonl")).contains("\"file_name\":\"a.jpg\""));
        assertTrue(cli.out().contains("Exported 2 images"), cli.out());
        CliTestSupport wrong = cli();
        assertEquals(ExitCode.SOME_FAILED, wrong.run("export", "data", "--caption-extension", ".cap",
                "--tags-extension", ".tags", "--out", "x.csv", "--format", "csv"));
        assertTrue(wrong.err().contains("--caption-extension"), wrong.err());
        assertFalse(wrong.out().contains("Exported"), wrong.out());
        assertFalse(Files.exists(work.resolve("x.csv")), "nothing to export, no file written");
        CliTestSupport missing = cli();
        assertEquals(ExitCode.USAGE, missing.run("export", "no-such-folder"));
        assertTrue(missing.err().contains("no-such-folder does not exist"), missing.err());
        assertFalse(Files.exists(work.resolve("no-such-folder")), "the folder was created for an empty metadata file");
    }

    /**
     * Images loose in DIR beside {@code 10_ohwx/} are no set of kohya's repeat-folder loader, so it never reads them:
     * check said nothing. A {@code meta_cap.json} does find them (fine-tuning has no repeat folders), so export does not
     * warn about them.
     */
    @Test
    void aLooseImageBesideRepeatFoldersWasNotFlagged_nowCheckCountsThemAndSaysWhereToMoveThem() throws IOException {
        Path set = work.resolve("set");
        Files.createDirectories(set.resolve("10_ohwx"));
        String[] names = {"10_ohwx/a", "10_ohwx/b", "top1", "top2"};
        for (int i = 0; i < names.length; i++) { // distinct images: the test is not about duplicates
            String name = names[i];
            Files.write(set.resolve(name + ".png"), image(300, 300 + i, "png"));
            Files.writeString(set.resolve(name + ".txt"), "ohwx, portrait");
        }
        CliTestSupport check = cli();
        assertEquals(ExitCode.OK, check.run("check", "set"), check.out() + check.err());
        assertTrue(check.out().contains("\nkohya: 2 images lie loose in set beside its repeat folders, where kohya's"
                + " DreamBooth-style training does not read them: it takes only the images in each N_name folder (and"
                + " does not say so). Repeat folders: 10_ohwx (2 images). Move them into a repeat folder (e.g."
                + " 10_ohwx/, or a new N_name folder of their own).\n"), check.out());
        CliTestSupport export = cli();
        assertEquals(ExitCode.OK, export.run("export", "set", "--format", "kohya", "--full-path"), export.err());
        assertFalse(export.err().contains("loose"), "fine-tuning from meta_cap.json reads them: " + export.err());
        Files.move(set.resolve("top1.png"), set.resolve("10_ohwx/top1.png"));
        Files.move(set.resolve("top2.png"), set.resolve("10_ohwx/top2.png"));
        CliTestSupport moved = cli();
        assertEquals(ExitCode.OK, moved.run("check", "set"), moved.out());
        assertFalse(moved.out().contains("kohya:"), moved.out());
    }

    /**
     * Dogfood round 7 J11: {@code export --format kohya} of a repeat-folder dataset only advised {@code --full-path};
     * following it trains with kohya's fine-tuning loader, which ignores the repeat counts, and nothing said that
     * DreamBooth-style training reads the sidecars and needs no file.
     */
    @Test
    void aKohyaExportOfRepeatFoldersOnlyAdvisedFullPath_nowItSaysRepeatTrainingReadsTheSidecars() throws IOException {
        Path kds = work.resolve("kds");
        String[] names = {"10_ohwx man/a", "5_zwx woman/b", "1_style/c"};
        for (int i = 0; i < names.length; i++) { // distinct images: the test is not about duplicates
            String name = names[i];
            Files.createDirectories(kds.resolve(name).getParent());
            Files.write(kds.resolve(name + ".png"), image(300, 300 + i, "png"));
            Files.writeString(kds.resolve(name + ".caption"), "ohwx man, A portrait.");
        }
        String note = "warning: kohya: kds has repeat folders (10_ohwx man (1 image), 1_style (1 image), 5_zwx woman"
                + " (1 image)). DreamBooth-style training with repeat folders reads the .caption (or .txt) sidecars"
                + " beside the images directly and needs no metadata file; meta_cap.json is for kohya's fine-tuning"
                + " loader (in_json), where the repeat counts do not apply.";
        for (String[] more : new String[][] {{}, {"--full-path"}}) {
            CliTestSupport export = cli();
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("export", "kds", "--format",
                    "kohya"));
            args.addAll(java.util.List.of(more));
            assertEquals(ExitCode.OK, export.run(args.toArray(String[]::new)), export.err());
            assertTrue(export.err().contains(note), export.err());
        }
        CliTestSupport one = cli();
        assertEquals(ExitCode.OK, one.run("export", "kds/5_zwx woman", "--format", "kohya"), one.err());
        assertTrue(one.err().contains("warning: kohya: 5_zwx woman is a repeat folder. DreamBooth-style"), one.err());
        CliTestSupport hf = cli();
        assertEquals(ExitCode.OK, hf.run("export", "kds", "--format", "hf"), hf.err());
        assertFalse(hf.err().contains("repeat folder"), "a Hugging Face export is no kohya file: " + hf.err());
    }

    /**
     * dogfooding G10: images in {@code 10_x/sub/} were checked, tagged and exported as part of the dataset
     * ("Exported 4 images"), kohya keyed them by bare stem, and neither its DreamBooth-style loader (one folder per
     * repeat folder, not recursive) nor its fine-tuning loader (train_data_dir/STEM.*) finds them: nothing said so.
     */
    @Test
    void imagesInASubFolderOfARepeatFolderWereLeftOutOfKohyaTrainingUnsaid_nowCheckAndExportNameThem()
            throws IOException {
        Path big = work.resolve("big");
        Files.createDirectories(big.resolve("10_x/sub"));
        Files.createDirectories(big.resolve("20_tiny"));
        String[] names = {"10_x/two_people", "10_x/sub/obama", "10_x/sub/biden", "20_tiny/f001"};
        for (int i = 0; i < names.length; i++) { // distinct images: the test is not about duplicates
            String name = names[i];
            Files.write(big.resolve(name + ".png"), image(300, 300 + i, "png"));
            Files.writeString(big.resolve(name + ".txt"), "ohwx, portrait");
        }
        CliTestSupport check = cli();
        assertEquals(ExitCode.OK, check.run("check", "big"), check.out() + check.err());
        assertTrue(check.out().contains("kohya: 2 images in sub-folders of repeat folders are not read by kohya's"
                + " DreamBooth-style training, which takes only the images directly in each N_name folder (and does"
                + " not say so): 10_x/sub (2 images). Move them up"), check.out());
        CliTestSupport export = cli();
        assertEquals(ExitCode.OK, export.run("export", "big", "--format", "kohya"), export.err());
        assertTrue(export.out().contains("Exported 4 images"), export.out());
        assertTrue(export.err().contains("warning: kohya: 4 images in sub-folders of big are keyed by bare file stem,"
                + " which kohya's fine-tuning loader looks for only as train_data_dir/STEM.* (one folder, not its"
                + " sub-folders), stopping at the first it cannot find with \"no image\": 10_x (1 image), 10_x/sub"
                + " (2 images), 20_tiny (1 image). Add --full-path to key every image by its path."), export.err());
        CliTestSupport full = cli();
        assertEquals(ExitCode.OK, full.run("export", "big", "--format", "kohya", "--full-path"), full.err());
        assertFalse(full.err().contains("keyed by bare file stem"), full.err());
        CliTestSupport flat = cli();
        assertEquals(ExitCode.OK, flat.run("check", "big/20_tiny"), flat.out());
        assertFalse(flat.out().contains("kohya:"), flat.out());
    }

    @Test
    void anUnwritableReportIsAClearErrorBeforeTheCheckRuns() throws IOException {
        Files.writeString(work.resolve("blocker"), "a file where a folder should be");
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, cli.run("check", "data", "--report", "blocker/check.jsonl"));
        assertTrue(cli.err().contains("Cannot write") && cli.err().contains("blocker"), cli.err());
        CliTestSupport again = cli();
        again.run("check", "data");
        assertFalse(again.out().contains("checked by an earlier run"), "exit code 2: nothing was checked or"
                + " journaled: " + again.out());
    }

    @Test
    void noWritableStateFolderAnywhereIsAClearErrorBeforeAnyWork() throws IOException {
        Files.writeString(data.resolve(".tagline"), "not a folder");
        Files.writeString(work.resolve("home"), "TAGLINE_HOME is not a folder either");
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, cli.run("check", "data"));
        assertTrue(cli.err().contains("journal") && cli.err().contains("writable"), cli.err());
    }

    @Test
    void aFileReplacedAfterTheCheckIsCheckedAgain() throws IOException {
        cli().run("check", "data");
        Files.write(data.resolve("sub/cut.jpg"), image(400, 300, "jpg"));
        CliTestSupport rerun = cli();
        assertEquals(ExitCode.SOME_FAILED, rerun.run("check", "data"), "empty.png is still corrupt");
        assertTrue(rerun.out().contains("6 files were checked by an earlier run"), "the new file is checked again: "
                + rerun.out());
        assertTrue(rerun.out().matches("(?s).*corrupt\\s+1 .*"), rerun.out());
    }

    @Test
    void aFileChangedBehindTheJournalsBackIsNeverDeletedOnItsOldVerdict() throws IOException {
        cli().run("check", "data");
        Path cut = data.resolve("sub/cut.jpg");
        java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(cut);
        byte[] other = Files.readAllBytes(cut);
        other[other.length / 2] ^= 1; // same size, and the old time put back: the scan cannot tell
        Files.write(cut, other);
        Files.setLastModifiedTime(cut, time);
        CliTestSupport cli = cli();
        cli.run("check", "data", "--delete-corrupt", "--yes");
        assertTrue(Files.exists(cut), "its bytes differ from those judged corrupt, so it is kept");
        assertTrue(cli.out().contains("left sub/cut.jpg alone: it changed since it was checked"), cli.out());
        assertFalse(Files.exists(data.resolve("sub/empty.png")), "unchanged corrupt files are still deleted");
    }

    @Test
    void aTouchedFileIsNotADuplicateOfItsOwnJournalEntry() throws IOException {
        cli().run("check", "data");
        Path a = data.resolve("a.jpg");
        Files.setLastModifiedTime(a, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(a).toMillis() - 60_000));
        CliTestSupport cli = cli();
        cli.run("check", "data", "--quarantine", "bad");
        assertFalse(cli.err().contains("duplicate   a.jpg: same bytes as a.jpg"), cli.err());
        assertTrue(Files.exists(a), "the first copy stays");
        assertTrue(Files.exists(work.resolve("bad/copy-of-a.jpg")), "the real duplicate is still set aside");
    }

    @Test
    void aRenamedFileIsNotADuplicateOfItsOldName() throws IOException {
        Files.delete(data.resolve("copy-of-a.jpg"));
        cli().run("check", "data");
        Files.move(data.resolve("a.jpg"), data.resolve("renamed.jpg"));
        CliTestSupport cli = cli();
        cli.run("check", "data", "--quarantine", "bad");
        assertFalse(cli.err().contains("renamed.jpg: same bytes"), cli.err());
        assertTrue(Files.exists(data.resolve("renamed.jpg")), "the only copy stays: " + cli.out());
    }

    @Test
    void aFolderCopiedWithItsJournalHasNoSelfDuplicates() throws IOException {
        cli().run("check", "data");
        Path copy = work.resolve("copy");
        try (var files = Files.walk(data)) {
            for (Path from : files.toList()) {
                Path to = copy.resolve(data.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.write(to, Files.readAllBytes(from)); // like cp -r: new modification times
                    Files.setLastModifiedTime(to, java.nio.file.attribute.FileTime.fromMillis(
                            Files.getLastModifiedTime(from).toMillis() + 60_000));
                }
            }
        }
        CliTestSupport cli = cli();
        cli.run("check", "copy", "--quarantine", "bad");
        assertTrue(cli.out().matches("(?s).*duplicate\\s+1 .*"), "only copy-of-a.jpg: " + cli.out());
        assertFalse(cli.err().contains("duplicate   a.jpg: same bytes as a.jpg"), cli.err());
        assertTrue(Files.exists(copy.resolve("a.jpg")) && Files.exists(copy.resolve("b.png")), cli.out());
    }

    @Test
    void aDuplicateWhoseOriginalWasDeletedIsNotQuarantined() throws IOException {
        cli().run("check", "data");
        Files.delete(data.resolve("a.jpg"));
        CliTestSupport cli = cli();
        cli.run("check", "data", "--quarantine", "bad");
        assertTrue(Files.exists(data.resolve("copy-of-a.jpg")), "now the only copy: " + cli.out());
        assertTrue(cli.out().contains("left copy-of-a.jpg alone: a.jpg"), cli.out());
    }

    /** dogfood item 15: re-running the same quarantine command reported the old moves again and exited 1. */
    @Test
    void reRunningTheSameQuarantineReportsOnlyThisRunAndExitsZeroOnACleanFolder() {
        assertEquals(ExitCode.SOME_FAILED, cli().run("check", "data", "--quarantine", "bad"));
        CliTestSupport again = cli();
        assertEquals(ExitCode.OK, again.run("check", "data", "--quarantine", "bad"), again.out() + again.err());
        assertFalse(again.out().contains("quarantined: "), "nothing moved in this run: " + again.out());
        assertFalse(again.out().matches("(?s).*(corrupt|duplicate|too-small)\\s+\\d.*"), again.out());
        assertTrue(again.out().contains("4 files were set aside by an earlier run's --quarantine and are not counted"
                + " above."), again.out());
        assertTrue(Files.exists(work.resolve("bad/sub/cut.jpg")), "still set aside");
    }

    /**
     * dogfooding: OneTrainer masks beside their images ({@code a-masklabel.png} beside {@code a.jpg}) were checked as
     * images of the dataset, and {@code --quarantine} left the mask of a moved image behind.
     */
    @Test
    void oneTrainerMasksArePassedOverAndQuarantinedWithTheirImage() throws IOException {
        Files.write(data.resolve("a-masklabel.png"), image(300, 300, "png"));
        Files.write(data.resolve("tiny-masklabel.png"), image(64, 64, "png")); // as an image: too small
        Files.write(data.resolve("sub/cut-masklabel.png"), new byte[0]); // as an image: corrupt
        Files.write(data.resolve("lone-masklabel.png"), image(310, 300, "png")); // no lone.*: an image
        CliTestSupport cli = cli();
        assertEquals(ExitCode.SOME_FAILED, cli.run("check", "data", "--report", "check.jsonl"), cli.err());
        assertTrue(cli.out().matches("(?s).*\nok\\s+3 .*"), "a.jpg, b.png and lone-masklabel.png: " + cli.out());
        assertTrue(cli.out().matches("(?s).*\nmask\\s+3 .*"), cli.out());
        assertTrue(cli.out().matches("(?s).*\ncorrupt\\s+2 .*"), "cut.jpg and empty.png only: " + cli.out());
        assertTrue(cli.out().contains("3 OneTrainer masks (NAME-masklabel.png beside NAME.jpg) passed over: they are"
                + " parts of their images, not images of the dataset."), cli.out());
        assertFalse(cli.err().contains("-masklabel"), "no problem lines for masks: " + cli.err());
        assertTrue(cli.err().matches("(?s).*check: 5 done in [^\n]*, 4 passed over, 2 failed.*"), cli.err());
        assertTrue(Files.readString(work.resolve("check.jsonl")).contains("{\"file\":\"a-masklabel.png\",\"verdict\":"
                + "\"mask\",\"detail\":\"OneTrainer mask of a.jpg\""), Files.readString(work.resolve("check.jsonl")));

        CliTestSupport dry = cli();
        dry.run("check", "data", "--quarantine", "bad", "--dry-run");
        assertTrue(dry.out().contains("would move sub/cut-masklabel.png (mask) to "
                + work.resolve("bad/sub/cut-masklabel.png")), dry.out());
        CliTestSupport moving = cli();
        assertEquals(ExitCode.SOME_FAILED, moving.run("check", "data", "--quarantine", "bad"), moving.err());
        assertTrue(moving.out().contains("quarantined: 4"), "the images only: " + moving.out());
        assertTrue(Files.exists(work.resolve("bad/sub/cut-masklabel.png")), "moved with sub/cut.jpg");
        assertTrue(Files.exists(work.resolve("bad/tiny-masklabel.png")), "moved with tiny.png");
        assertTrue(Files.exists(data.resolve("a-masklabel.png")), "a.jpg stays, so does its mask");
        assertTrue(Files.exists(data.resolve("lone-masklabel.png")));
        CliTestSupport again = cli();
        assertEquals(ExitCode.OK, again.run("check", "data", "--quarantine", "bad"), again.out() + again.err());
        assertTrue(again.out().contains("6 files were set aside by an earlier run's --quarantine"), again.out());
    }

    /** dogfooding: a mask with a mixed-case extension ({@code x-masklabel.Png}) was passed over but not moved. */
    @Test
    void aMaskWithAMixedCaseExtensionWasLeftBehindByQuarantine_nowItMovesWithItsImage() throws IOException {
        Files.write(data.resolve("sub/cut-masklabel.Png"), image(300, 300, "png"));
        Files.write(data.resolve("tiny-masklabel.pNg"), image(64, 64, "png"));
        CliTestSupport cli = cli();
        assertEquals(ExitCode.SOME_FAILED, cli.run("check", "data", "--quarantine", "bad"), cli.err());
        assertTrue(cli.out().matches("(?s).*\nmask\\s+2 .*"), cli.out());
        assertTrue(Files.exists(work.resolve("bad/sub/cut-masklabel.Png")), "moved with sub/cut.jpg");
        assertTrue(Files.exists(work.resolve("bad/tiny-masklabel.pNg")), "moved with tiny.png");
        assertFalse(Files.exists(data.resolve("sub/cut-masklabel.Png")));
        CliTestSupport again = cli();
        assertEquals(ExitCode.OK, again.run("check", "data"), again.out() + again.err());
        assertTrue(again.out().contains("6 files were set aside by an earlier run's --quarantine"), again.out());
    }

    /**
     * dogfood round 7, J1: {@code --quarantine} moved {@code a.txt}, {@code a.caption} and the mask of the kept
     * {@code a.jpg} with its duplicate {@code a.png} (and a corrupt twin's), naming none of them; now they stay with the
     * image that stays, the line says so, and the sidecar of a pair that both go is named as it moves.
     */
    @Test
    void quarantineTookTheSidecarsAndMaskOfTheImageItKept_nowTheyStayWithIt() throws IOException {
        Files.write(data.resolve("a.png"), Files.readAllBytes(data.resolve("a.jpg"))); // a duplicate of a.jpg
        Files.writeString(data.resolve("a.caption"), "a hand-written caption");
        Files.write(data.resolve("a-masklabel.png"), image(300, 300, "png"));
        Files.write(data.resolve("sub/cut.png"), image(300, 300, "png")); // good, beside the corrupt sub/cut.jpg
        Files.write(data.resolve("tiny.jpg"), new byte[0]); // corrupt beside the too-small tiny.png: both go
        Files.writeString(data.resolve("tiny.txt"), "tiny");
        CliTestSupport cli = cli();
        assertEquals(ExitCode.SOME_FAILED, cli.run("check", "data", "--quarantine", "bad"), cli.err());
        for (String kept : List.of("a.jpg", "a.txt", "a.caption", "a-masklabel.png", "sub/cut.png", "sub/cut.txt")) {
            assertTrue(Files.exists(data.resolve(kept)), kept + " stays: " + cli.out());
            assertFalse(Files.exists(work.resolve("bad").resolve(kept)), kept);
        }
        assertTrue(Files.exists(work.resolve("bad/a.png")));
        assertTrue(Files.exists(work.resolve("bad/sub/cut.jpg")));
        assertTrue(cli.out().contains("moved a.png to " + work.resolve("bad/a.png") + " (a.txt, a.caption,"
                + " a-masklabel.png stay with a.jpg)"), cli.out());
        assertTrue(cli.out().contains("moved sub/cut.jpg to " + work.resolve("bad/sub/cut.jpg")
                + " (cut.txt stays with cut.png)"), cli.out());
        assertTrue(Files.exists(work.resolve("bad/tiny.txt")), "no tiny image stays, so its sidecar goes");
        assertTrue(cli.out().contains("moved tiny.txt (sidecar) to " + work.resolve("bad/tiny.txt")), cli.out());
        assertEquals(1, cli.out().lines().filter(l -> l.contains("tiny.txt")).count(), "named once: " + cli.out());
    }

    /** dogfood round 7, J1 for {@code --delete-corrupt}: the sidecar of a good image beside a corrupt twin stays. */
    @Test
    void deleteCorruptWouldDeleteTheSidecarOfTheImageItKept_nowItStaysWithIt() throws IOException {
        Files.write(data.resolve("sub/cut.png"), image(300, 300, "png"));
        CliTestSupport list = cli();
        list.run("check", "data", "--delete-corrupt");
        assertTrue(list.out().contains("sub/cut.jpg (cut.txt stays with cut.png)"), list.out());
        assertFalse(list.out().contains("sub/cut.txt (sidecar)"), list.out());
        CliTestSupport dry = cli();
        dry.run("check", "data", "--delete-corrupt", "--dry-run");
        assertTrue(dry.out().contains("would delete sub/cut.jpg (cut.txt stays with cut.png)"), dry.out());
        CliTestSupport cli = cli();
        cli.run("check", "data", "--delete-corrupt", "--yes");
        assertFalse(Files.exists(data.resolve("sub/cut.jpg")));
        assertTrue(Files.exists(data.resolve("sub/cut.txt")), "cut.png keeps its caption: " + cli.out());
        assertTrue(cli.out().contains("deleted sub/cut.jpg (cut.txt stays with cut.png)"), cli.out());
    }

    /**
     * dogfood round 7, J2: the summary of a {@code --quarantine} run described the folder before its moves: "would
     * share a sidecar … rename one" for a pair whose twin it had moved, and repeat-folder counts with the moved files.
     */
    @Test
    void aQuarantineRunsSummaryCountedTheFilesItMoved_nowItDescribesTheFolderAfterTheMoves() throws IOException {
        Path repeat = Files.createDirectories(data.resolve("10_x"));
        Files.write(repeat.resolve("p.jpg"), image(300, 310, "jpg"));
        Files.write(repeat.resolve("p.png"), Files.readAllBytes(repeat.resolve("p.jpg")));
        Files.write(repeat.resolve("q.jpg"), image(300, 320, "jpg"));
        Files.write(repeat.resolve("small.jpg"), image(64, 64, "jpg"));
        CliTestSupport before = cli();
        before.run("check", "data");
        assertTrue(before.out().contains("Repeat folders: 10_x (4 images)"), before.out());
        assertTrue(before.out().contains("2 files would share a sidecar"), before.out());
        CliTestSupport cli = cli();
        cli.run("check", "data", "--quarantine", "bad");
        assertTrue(Files.exists(work.resolve("bad/10_x/p.png")));
        assertTrue(cli.out().contains("Repeat folders: 10_x (2 images)"), "p.jpg and q.jpg: " + cli.out());
        assertFalse(cli.out().contains("would share a sidecar"), cli.out());
        CliTestSupport after = cli();
        after.run("check", "data");
        assertTrue(after.out().contains("Repeat folders: 10_x (2 images)"), after.out());
    }

    /**
     * The repeat-folder counts held files kohya cannot load (a truncated JPEG, a text file named {@code .jpg}): now
     * they count the images kohya trains on (a copy and a too-small image included, as kohya trains them) and say how
     * many they leave out; after {@code --quarantine} they count the folder after the moves.
     */
    @Test
    void repeatFolderCountsIncludedFilesKohyaCannotLoad_nowTheyCountWhatItLoads() throws IOException {
        Path set = work.resolve("set");
        Path repeat = Files.createDirectories(set.resolve("10_ohwx man"));
        Files.write(repeat.resolve("a.png"), image(300, 301, "png"));
        Files.write(repeat.resolve("b.png"), image(300, 302, "png"));
        Files.write(repeat.resolve("copy-of-a.png"), Files.readAllBytes(repeat.resolve("a.png")));
        Files.write(repeat.resolve("small.png"), image(64, 64, "png"));
        byte[] jpeg = image(400, 300, "jpg");
        Files.write(repeat.resolve("cut.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2));
        Files.writeString(repeat.resolve("notes.jpg"), "a text file named .jpg");
        Files.write(set.resolve("loose.png"), image(300, 303, "png"));
        CliTestSupport check = cli();
        assertEquals(ExitCode.SOME_FAILED, check.run("check", "set"), check.out() + check.err());
        assertTrue(check.out().contains("Repeat folders: 10_ohwx man (4 images, 2 unusable files not counted)."),
                check.out());
        CliTestSupport quarantine = cli();
        quarantine.run("check", "set", "--quarantine", "bad");
        assertTrue(Files.exists(work.resolve("bad/10_ohwx man/cut.jpg")), quarantine.out());
        assertTrue(quarantine.out().contains("Repeat folders: 10_ohwx man (2 images)."), "a.png and b.png: "
                + quarantine.out());
    }

    /**
     * A {@code --quarantine} run that set aside one of a same-name pair (a copy {@code p.png} of {@code p.jpg}) still
     * printed the pair's warning lines before the progress, although its summary and report dropped the clash: now
     * such a run prints the warnings once the verdicts and moves are known, only those that still hold.
     */
    @Test
    void aQuarantineRunPrintedTheWarningsOfASameNamePairItResolved_nowOnlyThoseThatStillHold() throws IOException {
        Files.write(data.resolve("p.jpg"), image(300, 310, "jpg"));
        Files.write(data.resolve("p.png"), Files.readAllBytes(data.resolve("p.jpg")));
        Files.write(data.resolve("r.jpg"), image(300, 320, "jpg"));
        Files.write(data.resolve("r.png"), image(300, 330, "png"));
        CliTestSupport plain = cli();
        plain.run("check", "data");
        assertTrue(plain.err().contains("warning     p.png: would share the sidecar"), plain.err());
        CliTestSupport cli = cli();
        cli.run("check", "data", "--quarantine", "bad");
        assertTrue(Files.exists(work.resolve("bad/p.png")), cli.out());
        assertFalse(cli.err().contains("warning     p.jpg:"), cli.err());
        assertFalse(cli.err().contains("warning     p.png:"), cli.err());
        String err = cli.err();
        int progress = err.indexOf("check: ");
        int r = err.indexOf("warning     r.png: would share the sidecar");
        assertTrue(progress >= 0 && r > progress, "the clash the moves left is warned about after the verdicts: "
                + err);
        assertTrue(err.contains("warning     r.jpg: would share the sidecar"), err);
        assertTrue(cli.out().contains("2 files would share a sidecar"), cli.out());
    }

    /** dogfood round 7, J15: an exact duplicate named like another image was advised to be renamed. */
    @Test
    void anExactDuplicateWasAdvisedToBeRenamed_nowTheWarningSaysToRemoveOneCopy() throws IOException {
        Files.write(data.resolve("a.png"), Files.readAllBytes(data.resolve("a.jpg")));
        Files.write(data.resolve("b.jpg"), image(330, 300, "jpg"));
        CliTestSupport cli = cli();
        cli.run("check", "data");
        String a = cli.err().lines().filter(l -> l.startsWith("warning     a.png:")).findFirst().orElseThrow();
        assertTrue(a.contains("It holds the same bytes as a.jpg: a copy, which renaming would keep in the training"
                + " set twice. Remove one of the two"), a);
        assertFalse(a.contains("Rename"), a);
        String b = cli.err().lines().filter(l -> l.startsWith("warning     b.png:")).findFirst().orElseThrow();
        assertTrue(b.contains("Rename one of the two images, e.g. b.png to b_png.png"), b);
    }

    /**
     * dogfooding: check listed other tools' sidecars ({@code a.wd14} beside {@code a.jpg}) as unsupported, and
     * {@code --quarantine} left them behind; {@code --sidecar-ext} names them.
     */
    @Test
    void sidecarExtNamesOtherToolsSidecarsWhichAreNotUnsupportedAndMoveWithTheirImage() throws IOException {
        Files.writeString(data.resolve("a.wd14"), "1girl");
        Files.writeString(data.resolve("sub/cut.wd14"), "1boy");
        Files.writeString(data.resolve("sub/cut.tags"), "solo");
        CliTestSupport without = cli();
        without.run("check", "data");
        assertTrue(without.err().contains("unsupported a.wd14: .wd14 is not an image format"), without.err());

        // the run after: the journal's unsupported records of .wd14 files are sidecars now, not counted
        CliTestSupport cli = cli();
        assertEquals(ExitCode.SOME_FAILED, cli.run("check", "data", "--sidecar-ext", "wd14,.tags", "--quarantine",
                "bad", "--report", "check.jsonl"), cli.err());
        assertTrue(cli.out().matches("(?s).*\nunsupported\\s+1 .*"), "clip.mp4 only: " + cli.out());
        assertFalse(Files.readString(work.resolve("check.jsonl")).contains(".wd14"));
        assertTrue(Files.exists(work.resolve("bad/sub/cut.wd14")), "moved with sub/cut.jpg");
        assertTrue(Files.exists(work.resolve("bad/sub/cut.tags")));
        assertTrue(Files.exists(data.resolve("a.wd14")), "a.jpg stays, so does its sidecar");

        CliTestSupport fresh = cli();
        fresh.run("check", "data", "--sidecar-ext", ".WD14", "--restart");
        assertFalse(fresh.err().contains("a.wd14"), fresh.err());
    }

    /** --sidecar-ext: an image or video extension, a path or a glob is refused in one line before any work. */
    @Test
    void sidecarExtRefusesImageExtensionsAndBadValuesFromAnySource() throws IOException {
        for (String bad : new String[] {".png", "jxl", ".tags,.MP4", "", "sub/x", "*.tags"}) {
            CliTestSupport cli = cli();
            assertEquals(ExitCode.USAGE, cli.run("check", "data", "--sidecar-ext", bad), bad + ": " + cli.err());
            assertEquals(1, cli.err().strip().lines().count(), "one line: " + cli.err());
            assertTrue(cli.err().startsWith("error: Invalid value for option '--sidecar-ext'"), cli.err());
            assertFalse(Files.exists(data.resolve(".tagline")), "nothing was checked");
        }
        CliTestSupport image = cli();
        image.run("check", "data", "--sidecar-ext", ".png");
        assertTrue(image.err().contains("--sidecar-ext .png is an image extension: such files are images of their"
                + " own, not sidecars. Give the extensions of the text or data files other tools keep beside the"
                + " images, e.g. --sidecar-ext .tags,.wd14"), image.err());

        Files.writeString(work.resolve("tagline.toml"), "[check]\nsidecar-ext = [\".wd14\", \".webp\"]\n");
        CliTestSupport file = cli();
        assertEquals(ExitCode.USAGE, file.run("check", "data"), file.err());
        assertTrue(file.err().contains("--sidecar-ext .webp is an image extension"), file.err());
        assertTrue(file.err().contains("(set by " + work.resolve("tagline.toml")), file.err());

        Files.writeString(work.resolve("tagline.toml"), "[check]\nsidecar-ext = [\".wd14\"]\n");
        Files.writeString(data.resolve("a.wd14"), "1girl");
        CliTestSupport good = cli();
        good.run("check", "data");
        assertFalse(good.err().contains("a.wd14"), "a sidecar by tagline.toml: " + good.err());
    }
}
