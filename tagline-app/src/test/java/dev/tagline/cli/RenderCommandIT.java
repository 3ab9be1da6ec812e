package dev.tagline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tagline.core.manifest.ClipCandidate;
import dev.tagline.core.manifest.ClipManifest;
import dev.tagline.core.manifest.ClipManifests;
import dev.tagline.core.manifest.ClipsFile;
import dev.tagline.core.process.ProcessRunner;
import dev.tagline.core.process.ProcessSpec;
import dev.tagline.inference.BuiltinModels;
import dev.tagline.inference.TestModels;
import dev.tagline.testkit.openai.FakeOpenAiServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tagline clips render} in process on a generated talk with speech, subtitles and a clips file. */
class RenderCommandIT {
    static final String LINE = "Render clips that people can post. Captions follow every word. Copy fits each "
            + "platform.";

    @TempDir
    Path dir;

    private CliTestSupport setUp() throws IOException {
        String path = System.getenv().getOrDefault("PATH", "");
        boolean found = false;
        for (String d : path.split(java.io.File.pathSeparator)) {
            found |= !d.isBlank() && Files.isExecutable(Path.of(d, "ffmpeg"));
        }
        assumeTrue(found, "skipped: ffmpeg not on PATH (Debian/Ubuntu: sudo apt-get install ffmpeg)");
        new ProcessRunner().runChecked(ProcessSpec.of(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=d=9:s=320x180:r=30", "-f", "lavfi", "-i", "flite=text='" + LINE + "'",
                "-filter_complex", "[1:a]apad[a]", "-map", "0:v", "-map", "[a]", "-t", "9", "-c:v", "libx264",
                "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", dir.resolve("talk.mp4").toString()),
                Duration.ofMinutes(2)));
        Files.writeString(dir.resolve("talk.srt"), "1\n00:00:00,300 --> 00:00:02,600\nRender clips that people can"
                + " post.\n\n2\n00:00:02,800 --> 00:00:04,600\nCaptions follow every word.\n\n3\n00:00:04,800 --> "
                + "00:00:06,600\nCopy fits each platform.\n");
        ClipCandidate.SubScores sub = new ClipCandidate.SubScores(70, 60, 80, 50, 40);
        ClipsFile.of(new ClipsFile.Source("talk.mp4", 9), Instant.parse("2026-11-27T03:00:00Z"), "talk.srt",
                List.of(), List.of(new ClipCandidate(1, 0.2, 4.7, 81, sub, "strong hook", "Render clips that people "
                        + "can post.", "", null), new ClipCandidate(2, 4.7, 7.0, 55, sub, "", "", "", null)))
                .write(dir.resolve("talk.clips.json"));
        return new CliTestSupport(dir, Map.of("TAGLINE_HOME", TestModels.home(BuiltinModels.FACES).toString(),
                "PATH", path));
    }

    @Test
    void rendersEachClipIntoItsFolderWithManifestChecksumsAndCopy() throws Exception {
        CliTestSupport cli = setUp();
        assertEquals(ExitCode.OK, cli.run("clips", "render", "talk.mp4", "--preset", "ultrafast"), cli.err());
        assertTrue(cli.out().contains("Wrote 2 clips to " + dir.resolve("talk.clips")), cli.out());
        assertTrue(cli.err().contains("Rendering talk-001: 0:04 of media done in"), "progress per clip: " + cli.err());
        assertTrue(cli.err().contains("x real time"), "with its rate: " + cli.err());
        Path folder = dir.resolve("talk.clips").resolve("talk-001");
        for (String ext : List.of(".mp4", ".jpg", ".ass", ".srt", ".vtt")) {
            assertTrue(Files.size(folder.resolve("talk-001" + ext)) > 0, ext);
        }
        ClipManifest m = ClipManifests.read(folder);
        assertEquals("talk-001", m.id());
        assertEquals("../../talk.mp4", m.source().path());
        assertEquals(4.5, m.durationSeconds(), 1e-6);
        assertEquals(0.81, m.score(), 1e-9);
        assertEquals("Render clips that people can post", m.copy().title());
        assertEquals(java.util.Set.of("youtube", "tiktok", "instagram", "x", "linkedin"), m.variants().keySet());
        assertEquals("9:16", m.render().aspect());
        assertFalse(m.render().scenes().isEmpty());
        assertEquals("talk-001.jpg", m.render().thumbnail());
        for (String name : List.of("talk-001.mp4", "talk-001.jpg", "talk-001.ass", "talk-001.srt", "talk-001.vtt")) {
            assertEquals(sha256(folder.resolve(name)), m.render().sha256().get(name), name);
        }
        assertTrue(Files.readString(folder.resolve("talk-001.srt")).contains("00:00:00,100 --> "),
                "subtitles on the clip's clock");
        assertTrue(Files.isRegularFile(dir.resolve("talk.clips/talk-002/clip.json")));
    }

    @Test
    void onlyAndDryRun() throws Exception {
        CliTestSupport cli = setUp();
        assertEquals(ExitCode.OK, cli.run("clips", "render", "talk.mp4", "--only", "2", "--dry-run", "--mode",
                "center", "--out", "out"), cli.err());
        assertTrue(cli.out().startsWith("# clip 2\n"), cli.out());
        assertTrue(cli.out().contains(" -ss 4.700 -i " + dir.resolve("talk.mp4")), cli.out());
        assertTrue(cli.out().contains("loudnorm=I=-14:TP=-1"), cli.out());
        assertFalse(cli.out().contains("# clip 1"), cli.out());
        assertFalse(Files.exists(dir.resolve("out/talk-002/talk-002.mp4")), "a dry run renders nothing");
        assertEquals(ExitCode.OK, cli.run("clips", "render", "talk.mp4", "--only", "2", "--mode", "fit", "--aspect",
                "1:1", "--preset", "ultrafast", "--out", "out"), cli.err());
        ClipManifest m = ClipManifests.read(dir.resolve("out/talk-002"));
        assertEquals(1080, m.height());
        assertEquals(List.of("fit"), m.render().scenes().stream().map(ClipManifest.SceneMode::mode).toList());
        assertFalse(Files.exists(dir.resolve("out/talk-001")));
    }

    /**
     * {@code --copywriter} sent no max_tokens, so the server's default applied; now it sends
     * {@code --copywriter-max-tokens} (1024 by default), and an answer cut off there gives the built-in copy.
     */
    @Test
    void theCopywriterSentNoMaxTokens_nowTheOptionIsSentAndACutAnswerFallsBack() throws Exception {
        CliTestSupport cli = setUp();
        try (FakeOpenAiServer server = FakeOpenAiServer.start()) {
            String[] base = copywriterRender(server);
            assertEquals(ExitCode.OK, cli.run(base), cli.err());
            assertEquals(1024, server.chats().get(0).maxTokens());
            assertEquals("Clips people post", ClipManifests.read(dir.resolve("talk.clips/talk-001")).copy().title());
            assertEquals(ExitCode.OK, cli.run(with(base, "--copywriter-max-tokens", "8", "--reset-review")),
                    cli.err());
            assertEquals(8, server.chats().get(1).maxTokens());
            assertEquals(2, server.chats().size(), "the cut answer is not asked again");
            assertEquals("Render clips that people can post", ClipManifests.read(dir.resolve("talk.clips/talk-001"))
                    .copy().title(), "the built-in copy");
        }
    }

    /**
     * Dogfood round 9, L3: after the warning "raise --copywriter-max-tokens and re-run", the re-run said "already
     * rendered with these settings, passed over" and sent no request; the warning came out in logger format and
     * clip.json did not say its copy was the built-in one. Now clip.json records where the copy came from, the
     * warning is a plain line, and a re-run whose video is up to date but whose copy settings differ (or whose
     * copywriter fell back) writes only the copy again, without rendering the video, and keeps copy a person edited.
     */
    @Test
    void theRerunTheCopywriterWarningAskedForWasPassedOver_nowItRewritesOnlyTheCopy() throws Exception {
        CliTestSupport cli = setUp();
        try (FakeOpenAiServer server = FakeOpenAiServer.start()) {
            String[] base = copywriterRender(server);
            assertEquals(ExitCode.OK, cli.run(with(base, "--copywriter-max-tokens", "8")), cli.err());
            assertTrue(cli.err().contains("warning: talk-001: Copywriter copy's answer was cut off at"), cli.err());
            assertTrue(cli.err().contains("raise --copywriter-max-tokens (now 8)"), cli.err());
            assertFalse(cli.err().contains("WARN"), "a plain line, not the logger's: " + cli.err());
            Path folder = dir.resolve("talk.clips/talk-001");
            ClipManifest fellBack = ClipManifests.read(folder);
            assertEquals("built-in", fellBack.render().copy().source());
            assertTrue(fellBack.render().copy().fallback().contains("cut off"), fellBack.render().copy().fallback());
            assertTrue(fellBack.render().notes().contains(fellBack.render().copy().fallback()),
                    "the Clips page shows the notes");
            Path video = folder.resolve("talk-001.mp4");
            java.nio.file.attribute.FileTime encoded = Files.getLastModifiedTime(video);
            Thread.sleep(20);

            cli.clear();
            assertEquals(ExitCode.OK, cli.run(with(base, "--copywriter-max-tokens", "4096")), cli.err());
            assertTrue(cli.out().contains("1   talk-001: video up to date; copy rewritten with openai:copy"),
                    cli.out());
            assertTrue(cli.out().contains("Wrote 0 clips to " + dir.resolve("talk.clips") + " (1 with only its copy"
                    + " rewritten)"), cli.out());
            assertEquals(2, server.chats().size(), "the copywriter was asked again");
            assertEquals(4096, server.chats().get(1).maxTokens());
            assertEquals(encoded, Files.getLastModifiedTime(video), "the video was not rendered again");
            ClipManifest rewritten = ClipManifests.read(folder);
            assertEquals("Clips people post", rewritten.copy().title());
            assertEquals("Clips people post", rewritten.copyFor("youtube").title(), "the variants too");
            assertEquals("openai:copy", rewritten.render().copy().source());
            assertEquals(null, rewritten.render().copy().fallback());
            assertFalse(rewritten.render().notes().stream().anyMatch(n -> n.contains("cut off")),
                    rewritten.render().notes().toString());
            assertEquals(fellBack.render().sha256(), rewritten.render().sha256());
            assertEquals(List.of(), staged(folder), "written atomically, nothing left beside it");

            cli.clear();
            assertEquals(ExitCode.OK, cli.run(with(base, "--copywriter-max-tokens", "4096")), cli.err());
            assertTrue(cli.out().contains("1   talk-001: already rendered with these settings, passed over"),
                    cli.out());
            assertEquals(2, server.chats().size(), "same settings: nothing asked");

            ClipManifests.write(folder.resolve("clip.json"), new ClipManifest(rewritten.schema(),
                    rewritten.version(), rewritten.id(), rewritten.video(), rewritten.source(),
                    rewritten.durationSeconds(), rewritten.width(), rewritten.height(), rewritten.score(), false,
                    new ClipManifest.Copy("My title", "My caption", List.of("mine")), rewritten.variants(),
                    rewritten.render()));
            cli.clear();
            assertEquals(ExitCode.OK, cli.run(with(base, "--copywriter-max-tokens", "2048")), cli.err());
            assertTrue(cli.out().contains("1   talk-001: video up to date; kept the reviewed copy of its clip.json,"
                    + " passed over; --reset-review writes fresh copy with these settings"), cli.out());
            assertEquals(2, server.chats().size(), "an edited copy is kept: nothing asked");
            assertEquals("My title", ClipManifests.read(folder).copy().title());
            assertFalse(ClipManifests.read(folder).accepted());

            cli.clear();
            assertEquals(ExitCode.OK, cli.run(with(base, "--copywriter-max-tokens", "2048", "--reset-review")),
                    cli.err());
            assertTrue(cli.out().contains("1   talk-001: video up to date; copy rewritten with openai:copy"),
                    cli.out());
            assertEquals(3, server.chats().size());
            ClipManifest reset = ClipManifests.read(folder);
            assertEquals("Clips people post", reset.copy().title());
            assertTrue(reset.accepted(), "--reset-review accepts it again");
            assertEquals(encoded, Files.getLastModifiedTime(video), "still not rendered again");
        }
    }

    /**
     * Dogfood round 9, L3: a full re-render (--force) with a copywriter model kept the built-in copy it had fallen back
     * to. Now generated copy that was not edited is written again, and a rejected clip stays rejected.
     */
    @Test
    void aForcedReRenderKeptTheFallbackCopy_nowItAsksTheModelAndKeepsTheRejection() throws Exception {
        CliTestSupport cli = setUp();
        try (FakeOpenAiServer server = FakeOpenAiServer.start()) {
            String[] base = copywriterRender(server);
            assertEquals(ExitCode.OK, cli.run(with(base, "--copywriter-max-tokens", "8")), cli.err());
            Path json = dir.resolve("talk.clips/talk-001/clip.json");
            ClipManifest m = ClipManifests.read(json);
            ClipManifests.write(json, new ClipManifest(m.schema(), m.version(), m.id(), m.video(), m.source(),
                    m.durationSeconds(), m.width(), m.height(), m.score(), false, m.copy(), m.variants(), m.render()));
            cli.clear();
            assertEquals(ExitCode.OK, cli.run(with(base, "--force")), cli.err());
            ClipManifest again = ClipManifests.read(json);
            assertEquals("Clips people post", again.copy().title());
            assertEquals("openai:copy", again.render().copy().source());
            assertFalse(again.accepted(), "a rejected clip stays rejected");
        }
    }

    /**
     * Dogfood round 9, L9: --copywriter-max-tokens without --copywriter was taken without a word. Now a one-line
     * note says it has no effect (not an error).
     */
    @Test
    void copywriterMaxTokensWithoutACopywriterWasTakenSilently_nowANoteSaysSo() throws Exception {
        CliTestSupport cli = setUp();
        assertEquals(ExitCode.OK, cli.run("clips", "render", "talk.mp4", "--only", "1", "--mode", "center",
                "--dry-run", "--copywriter-max-tokens", "50"), cli.err());
        assertTrue(cli.err().contains("note: --copywriter-max-tokens has no effect without --copywriter"),
                cli.err());
        cli.clear();
        assertEquals(ExitCode.OK, cli.run("clips", "render", "talk.mp4", "--only", "1", "--mode", "center",
                "--dry-run"), cli.err());
        assertFalse(cli.err().contains("no effect"), cli.err());
    }

    /**
     * Dogfood round 9, L11: a re-run rendered a clip whose hand-edited .srt no longer matched its sha256 again, with
     * nothing to say why, so the edit was lost without a word. Now the clip's line says which file changed.
     */
    @Test
    void aHandEditedSubtitleWasRenderedOverWithoutAWord_nowTheReRunSaysWhy() throws Exception {
        CliTestSupport cli = setUp();
        String[] render = {"clips", "render", "talk.mp4", "--only", "1", "--mode", "center", "--preset",
                "ultrafast"};
        assertEquals(ExitCode.OK, cli.run(render), cli.err());
        Files.writeString(dir.resolve("talk.clips/talk-001/talk-001.srt"), "x", java.nio.file.StandardOpenOption.APPEND);
        cli.clear();
        assertEquals(ExitCode.OK, cli.run(render), cli.err());
        assertTrue(cli.out().contains("1   talk-001: talk-001.srt changed since it was rendered; rendering it again"
                + " (a change made by hand is replaced)"), cli.out());
        assertTrue(cli.out().contains("1   talk-001  "), cli.out());
    }

    /**
     * {@code server} answers every copywriter call with the same good copy; the arguments that render clip 1 of
     * talk.mp4 fast with it as the copywriter.
     */
    private static String[] copywriterRender(FakeOpenAiServer server) {
        server.answers(call -> "{\"title\":\"Clips people post\",\"description\":\"How the render works.\","
                + "\"hashtags\":[\"video\",\"clips\",\"render\"]}");
        return new String[] {"clips", "render", "talk.mp4", "--only", "1", "--mode", "center", "--preset", "ultrafast",
            "--copywriter", "openai:copy", "--endpoint", server.baseUrl()};
    }

    private static String[] with(String[] base, String... more) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(more))
                .toArray(String[]::new);
    }

    /** Dogfood: a near-silent clip came out at -25 LUFS against the promised -14 and the render said nothing. */
    @Test
    void aClipTooQuietToReachTheLoudnessTargetGetsANoteInTheOutput() throws Exception {
        CliTestSupport cli = setUp();
        new ProcessRunner().runChecked(ProcessSpec.of(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=d=4:s=320x180:r=30", "-f", "lavfi", "-i",
                "anoisesrc=d=4:a=0.001:c=pink:r=48000,volume=enable='between(t,1.5,1.52)':volume=300", "-c:v",
                "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
                dir.resolve("quiet.mp4").toString()), Duration.ofMinutes(2)));
        ClipsFile.of(new ClipsFile.Source("quiet.mp4", 4), Instant.parse("2026-11-27T03:00:00Z"), null, List.of(),
                List.of(new ClipCandidate(1, 0.5, 3.5, 40, new ClipCandidate.SubScores(1, 1, 1, 1, 1), "", "", "",
                        null))).write(dir.resolve("quiet.clips.json"));
        assertEquals(ExitCode.OK, cli.run("clips", "render", "quiet.mp4", "--mode", "fit", "--preset", "ultrafast"),
                cli.err());
        assertTrue(cli.out().contains("\n    note: The audio measures -"), cli.out());
        assertTrue(cli.out().contains("LUFS, not the -14 LUFS target: the source is nearly silent"), cli.out());
    }

    @Test
    void reRenderingKeepsARejectedClipsEditedCopyAndSaysSo() throws Exception {
        CliTestSupport cli = setUp();
        String[] render = {"clips", "render", "talk.mp4", "--only", "2", "--mode", "fit", "--preset", "ultrafast"};
        assertEquals(ExitCode.OK, cli.run(render), cli.err());
        assertFalse(cli.out().contains("kept the review"), cli.out());
        Path json = dir.resolve("talk.clips/talk-002/clip.json");
        ClipManifest m = ClipManifests.read(json);
        ClipManifests.write(json, new ClipManifest(m.schema(), m.version(), m.id(), m.video(), m.source(),
                m.durationSeconds(), m.width(), m.height(), m.score(), false, new ClipManifest.Copy("My title",
                "My caption", List.of("mine")), m.variants(), m.render()));
        cli.clear();
        String[] again = java.util.stream.Stream.concat(java.util.Arrays.stream(render), java.util.stream.Stream.of(
                "--force")).toArray(String[]::new);
        assertEquals(ExitCode.OK, cli.run(again), cli.err());
        assertTrue(cli.out().contains("kept the review of the existing clip.json (rejected, its title, caption and"
                + " hashtags); --reset-review writes fresh copy"), cli.out());
        ClipManifest kept = ClipManifests.read(json);
        assertFalse(kept.accepted());
        assertEquals("My title", kept.copyFor("youtube").title());
    }

    @Test
    void aClipsFileMadeForAnotherVideoIsRefusedNamingBothBeforeAnythingIsWritten() throws Exception {
        CliTestSupport cli = setUp();
        ClipsFile.of(new ClipsFile.Source("deck.mp4", 180), Instant.parse("2026-11-27T03:00:00Z"), null, List.of(),
                List.of(new ClipCandidate(1, 139, 180, 70, new ClipCandidate.SubScores(1, 1, 1, 1, 1), "", "", "",
                        null))).write(dir.resolve("deck.clips.json"));
        assertEquals(ExitCode.USAGE, cli.run("clips", "render", "talk.mp4", "--clips", "deck.clips.json", "--mode",
                "fit", "--preset", "ultrafast", "--out", "out"));
        assertTrue(cli.err().contains("deck.clips.json was made for a 180.0 s video (deck.mp4), but talk.mp4 is 9.0 s"
                + " long"), cli.err());
        assertTrue(cli.err().contains("tagline clips find talk.mp4"), cli.err());
        assertFalse(Files.exists(dir.resolve("out/talk-001")), "no broken clip is left");
    }

    /**
     * Dogfood round 8, K2: a re-run after a stop rendered every finished clip again, and the stopped render's staged
     * files stayed beside the new clip. Now a clip whose clip.json records these settings and whose files match their
     * SHA-256 is passed over, its left-overs go, and other settings or --force render it again.
     */
    @Test
    void aReRunRenderedEveryFinishedClipAgainAndKeptTheStoppedRendersFiles_nowItPassesThemOver() throws Exception {
        CliTestSupport cli = setUp();
        String[] render = {"clips", "render", "talk.mp4", "--mode", "fit", "--preset", "ultrafast"};
        assertEquals(ExitCode.OK, cli.run(render), cli.err());
        Path video = dir.resolve("talk.clips/talk-001/talk-001.mp4");
        java.nio.file.attribute.FileTime first = Files.getLastModifiedTime(video);
        Path leftOver = dir.resolve("talk.clips/talk-001/.talk-001.mp4.tmp-73be92a993cf8600.mp4");
        Path leftOverAss = dir.resolve("talk.clips/talk-002/.talk-002.ass.tmp-23c8c2d88d36e307.ass");
        Files.writeString(leftOver, "half a clip");
        Files.writeString(leftOverAss, "[Script Info]");
        Thread.sleep(20);
        cli.clear();
        assertEquals(ExitCode.OK, cli.run(render), cli.err());
        assertTrue(cli.out().contains("1   talk-001: already rendered with these settings, passed over; --force"
                + " renders it again"), cli.out());
        assertTrue(cli.out().contains("Wrote 0 clips to " + dir.resolve("talk.clips") + " (2 already rendered,"
                + " passed over)"), cli.out());
        assertEquals(first, Files.getLastModifiedTime(video), "not rendered again");
        assertFalse(Files.exists(leftOver), "the stopped render's staged file went");
        assertFalse(Files.exists(leftOverAss), "in every clip folder the run passed over");

        Files.writeString(video, "damaged");
        cli.clear();
        assertEquals(ExitCode.OK, cli.run(render), cli.err());
        assertTrue(cli.out().contains("1   talk-001  ") && cli.out().contains("2   talk-002: already rendered"),
                "a file that no longer matches its sha256 is rendered again: " + cli.out());
        cli.clear();
        assertEquals(ExitCode.OK, cli.run("clips", "render", "talk.mp4", "--mode", "fit", "--preset", "superfast",
                "--only", "2"), cli.err());
        assertTrue(cli.out().contains("2   talk-002  "), "other settings render again: " + cli.out());
        cli.clear();
        assertEquals(ExitCode.OK, cli.run("clips", "render", "talk.mp4", "--mode", "fit", "--preset", "superfast",
                "--only", "2", "--force"), cli.err());
        assertTrue(cli.out().contains("2   talk-002  "), "--force renders again: " + cli.out());
    }

    /**
     * Dogfood round 8, K2: SIGTERM (docker stop, timeout, systemd) on clips render exited 143 without a word and left
     * the clip's four staged files. Now it stops FFmpeg, removes them, says so and exits 1, as tag and check do.
     */
    @Test
    void sigtermExitedSilentlyAndLeftTheClipsStagedFiles_nowItStopsCleansUpAndSaysSo() throws Exception {
        setUp();
        new ProcessRunner().runChecked(ProcessSpec.of(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=d=40:s=640x360:r=30", "-f", "lavfi", "-i", "sine=d=40:f=440",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
                dir.resolve("long.mp4").toString()), Duration.ofMinutes(2)));
        Files.copy(dir.resolve("talk.srt"), dir.resolve("long.srt"));
        ClipsFile.of(new ClipsFile.Source("long.mp4", 40), Instant.parse("2026-11-27T03:00:00Z"), "long.srt",
                List.of(), List.of(new ClipCandidate(1, 0.2, 39.0, 60, new ClipCandidate.SubScores(1, 1, 1, 1, 1), "",
                        "", "", null))).write(dir.resolve("long.clips.json"));
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = dir.resolve("out.txt");
        // -Xss4m: a plain java -cp JVM of the test class path crashed with SIGSEGV (rc 139, no output) in clips render
        // here with the default 1 MB stack, --dry-run too, before this change as well; java -jar tagline.jar does not
        Process p = new ProcessBuilder(javaBin, "-Xss4m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(),
                "clips", "render", dir.resolve("long.mp4").toString(), "--mode", "fit", "--preset", "veryslow")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Path folder = dir.resolve("long.clips/long-001");
        try {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            while (p.isAlive() && System.nanoTime() < deadline && staged(folder).stream().noneMatch(f -> f
                    .endsWith(".mp4"))) {
                Thread.sleep(20);
            }
            assertTrue(p.isAlive(), "still encoding: " + (p.isAlive() ? "" : "exit " + p.exitValue() + " ")
                    + Files.readString(log));
            assertEquals(List.of(".long-001.ass", ".long-001.lock", ".long-001.mp4", ".long-001.srt",
                    ".long-001.vtt"), staged(folder), "the staged set, encoding");
            List<ProcessHandle> tools = p.descendants().toList();
            new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
            assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), Files.readString(log));
            String out = Files.readString(log);
            assertEquals(ExitCode.SOME_FAILED, p.exitValue(), out);
            assertTrue(out.contains("Terminated: stopping the clip under way and removing its temporary files (again"
                    + " to stop at once)."), out);
            assertTrue(out.contains("Stopped before the end: run the same command again to continue."), out);
            assertFalse(out.contains("Exception"), out);
            assertFalse(out.contains("of media done"), "no done line for the stopped clip: " + out);
            assertEquals(List.of(), staged(folder), "no staged file left");
            assertFalse(Files.exists(folder), "the folder it made for the clip goes with them");
            assertTrue(tools.stream().noneMatch(ProcessHandle::isAlive), "FFmpeg stopped");
        } finally {
            p.destroyForcibly();
        }
    }

    /** The staged files in {@code folder}, by real name and the kind of file: {@code .long-001.mp4}. */
    private static List<String> staged(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.contains(".tmp-"))
                    .map(n -> n.substring(0, n.indexOf(".tmp-"))).sorted().toList();
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
