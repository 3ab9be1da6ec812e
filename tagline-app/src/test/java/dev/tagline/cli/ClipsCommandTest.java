package dev.tagline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import dev.tagline.core.manifest.ClipCandidate;
import dev.tagline.core.manifest.ClipsFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipsCommandTest {
    @TempDir
    Path dir;

    private CliTestSupport cli() {
        return new CliTestSupport(dir, Map.of("TAGLINE_HOME", dir.resolve("home").toString(), "PATH", ""));
    }

    @Test
    void helpShowsTheOptions() {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.OK, cli.run("clips", "find", "--help"), cli.err());
        for (String option : new String[] {"--min", "--max", "--length", "--count", "--max-overlap", "--ffmpeg",
            "--endpoint", "--device", "--threads", "--sharp-text", "--judge", "--judge-max-tokens"}) {
            assertTrue(cli.out().contains(option), cli.out());
        }
        assertTrue(cli.out().replaceAll("\\s+", " ").contains("sent as max_tokens (default 2048;"), cli.out());
    }

    /** Without a transcript there is no hook line: the table names each clip by the title it shows, if any. */
    @Test
    void withoutAHookTheTableNamesAClipByItsOnScreenTitle() {
        ClipCandidate.SubScores subs = new ClipCandidate.SubScores(0, 0, 99, 50, 40);
        ClipsFile file = ClipsFile.of(new ClipsFile.Source("deck.mp4", 180), Instant.EPOCH, null, List.of(), List.of(
                new ClipCandidate(1, 49.66, 100, 59, subs, "Picked for new on-screen text.", "", "", null,
                        List.of("Rebasing", "Replay your commits"), "Rebasing"),
                new ClipCandidate(2, 0, 30, 50, subs, "Picked for a good length.", "", "", null, List.of(), ""),
                new ClipCandidate(3, 100, 130, 45, subs, "Picked for a question.", "Why rebase?", "Why rebase?", null,
                        List.of("Rebasing"), "Rebasing")));
        StringWriter text = new StringWriter();
        ClipsCommand.FindCommand.print(new PrintWriter(text, true), file, Path.of("deck.clips.json"));
        List<String> rows = text.toString().lines().toList();
        assertTrue(rows.get(1).endsWith("  \"Rebasing\" (on screen) Picked for new on-screen text."), rows.get(1));
        assertTrue(rows.get(2).endsWith("50  Picked for a good length."), rows.get(2));
        assertTrue(rows.get(3).endsWith("  \"Why rebase?\" Picked for a question."), rows.get(3));
    }

    /** Dogfood round 9, L9: --judge-max-tokens without --judge was taken without a word; now a note says so. */
    @Test
    void judgeMaxTokensWithoutAJudgeWasTakenSilently_nowANoteSaysSo() {
        CliTestSupport cli = cli();
        cli.run("clips", "find", "nope.mp4", "--judge-max-tokens", "64");
        assertTrue(cli.err().startsWith("note: --judge-max-tokens has no effect without --judge; the built-in scorer"
                + " picks the clips\n"), cli.err());
        cli.clear();
        cli.run("clips", "find", "nope.mp4");
        assertFalse(cli.err().contains("no effect"), cli.err());
    }

    @Test
    void missingVideoIsOneLineAndExitsTwo() {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, cli.run("clips", "find", "nope.mp4"));
        assertEquals("error: Cannot read " + dir.resolve("nope.mp4") + ": no such file. Check the path.",
                cli.err().strip());
    }

    @Test
    void aFolderGivenForTheVideoIsNamedAsOne() throws IOException {
        Files.createDirectories(dir.resolve("talks"));
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, cli.run("clips", "render", "talks"));
        assertEquals("error: Cannot read " + dir.resolve("talks")
                + ": it is a folder. Give a file in it, e.g. the video.", cli.err().strip());
    }

    @Test
    void aBandOutsideFiveTo180SecondsIsRefused() throws IOException {
        Files.createFile(dir.resolve("talk.mp4"));
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, cli.run("clips", "find", "talk.mp4", "--min", "2", "--max", "20"));
        assertTrue(cli.err().contains("outside 5-180 s"), cli.err());
    }

    @Test
    void aMaxOverlapOutsideZeroToOneIsRefused() throws IOException {
        Files.createFile(dir.resolve("talk.mp4"));
        for (String share : new String[] {"1", "-0.1"}) {
            CliTestSupport cli = cli();
            assertEquals(ExitCode.USAGE, cli.run("clips", "find", "talk.mp4", "--max-overlap", share));
            assertTrue(cli.err().contains("is not a share from 0 to below 1"), cli.err());
        }
    }

    @Test
    void judgeNeedsTheOpenAiFormAndAnEndpoint() throws IOException {
        Files.createFile(dir.resolve("talk.mp4"));
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, cli.run("clips", "find", "talk.mp4", "--judge", "gpt-4o"));
        assertTrue(cli.err().contains("--judge gpt-4o is not of the form openai:MODEL"), cli.err());
        CliTestSupport again = cli();
        assertEquals(ExitCode.USAGE, again.run("clips", "find", "talk.mp4", "--judge", "openai:gpt-4o-mini"));
        assertTrue(again.err().startsWith("error: --judge needs --endpoint."), again.err());
    }

    /** The judge had no limit of its own; a bad one is refused in one line before any work, with or without --judge. */
    @Test
    void aJudgeMaxTokensBelowOneOrNotANumberIsOneLineAndExitsTwo() throws IOException {
        Files.createFile(dir.resolve("talk.mp4"));
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, cli.run("clips", "find", "talk.mp4", "--judge", "openai:m", "--endpoint",
                "http://127.0.0.1:9/v1", "--judge-max-tokens", "0"));
        assertEquals("error: --judge-max-tokens must be a whole number of tokens, 1 or more (got 0). Give the longest"
                + " answer the model may write, e.g. --judge-max-tokens 2048.", cli.err().strip());
        CliTestSupport word = cli();
        assertEquals(ExitCode.USAGE, word.run("clips", "find", "talk.mp4", "--judge-max-tokens", "lots"));
        assertEquals(1, word.err().strip().lines().count(), word.err());
        assertTrue(word.err().contains("'lots' is not an int"), word.err());
    }

    @Test
    void aGpuOnTheCpuBuildIsRefusedBeforeAnyWork() throws IOException {
        assumeFalse(OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA), "this is the GPU build");
        Files.createFile(dir.resolve("talk.mp4"));
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, cli.run("clips", "find", "talk.mp4", "--device", "cuda"));
        assertTrue(cli.err().startsWith("error: Device cuda:0 needs the GPU build of ONNX Runtime"), cli.err());
        assertFalse(Files.exists(dir.resolve("home").resolve("models")), "nothing fetched");
    }

    @Test
    void missingFfmpegGivesTheInstallHint() throws IOException {
        Files.createFile(dir.resolve("talk.mp4"));
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, cli.run("clips", "find", "talk.mp4"));
        assertTrue(cli.err().startsWith("error: ffmpeg was not found on PATH. Install FFmpeg"), cli.err());
    }
}
