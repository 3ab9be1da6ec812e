package dev.tagline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.manifest.ClipCandidate;
import dev.tagline.core.manifest.ClipsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tagline clips render} argument checks, in process, without FFmpeg. */
class RenderCommandTest {
    @TempDir
    Path dir;

    @Test
    void aMissingClipsFileSaysToRunFindFirst() throws Exception {
        Files.writeString(dir.resolve("talk.mp4"), "not really a video");
        CliTestSupport cli = new CliTestSupport(dir, Map.of());
        assertEquals(ExitCode.USAGE, cli.run("clips", "render", "talk.mp4"));
        assertTrue(cli.err().contains("No clips file at " + dir.resolve("talk.clips.json")), cli.err());
        assertTrue(cli.err().contains("tagline clips find talk.mp4"), cli.err());
    }

    @Test
    void onlyAnUnknownRankIsRefusedNamingTheFile() throws Exception {
        Files.writeString(dir.resolve("talk.mp4"), "x");
        ClipsFile.of(new ClipsFile.Source("talk.mp4", 60), Instant.parse("2026-11-27T03:00:00Z"), null, List.of(),
                List.of(new ClipCandidate(1, 10, 40, 80, new ClipCandidate.SubScores(1, 2, 3, 4, 5), "", "", "", null)))
                .write(dir.resolve("talk.clips.json"));
        CliTestSupport cli = new CliTestSupport(dir, Map.of());
        assertEquals(ExitCode.USAGE, cli.run("clips", "render", "talk.mp4", "--only", "4"));
        assertTrue(cli.err().contains("There is no clip ranked 4 in"), cli.err());
        cli.clear();
        assertEquals(ExitCode.USAGE, cli.run("clips", "render", "talk.mp4", "--aspect", "3:2"));
        assertTrue(cli.err().contains("--aspect 3:2 is not a known aspect ratio"), cli.err());
        cli.clear();
        assertEquals(ExitCode.USAGE, cli.run("clips", "render", "talk.mp4", "--mode", "zoom"));
        assertTrue(cli.err().contains("Use auto, track, screencast, screen-crop, blur-pad, fit or center"),
                cli.err());
    }

    /** Dogfood: an empty clips file said "… or pick another --only." although no --only was given. */
    @Test
    void anEmptyClipsFileDoesNotMentionOnlyWhenOnlyWasNotGiven() throws Exception {
        Files.writeString(dir.resolve("short10.mp4"), "x");
        ClipsFile.of(new ClipsFile.Source("short10.mp4", 10), Instant.parse("2026-11-27T03:00:00Z"), null,
                List.of("The video is 0:10 long, shorter than the shortest clip (--min 15)."), List.of())
                .write(dir.resolve("short10.clips.json"));
        CliTestSupport cli = new CliTestSupport(dir, Map.of());
        assertEquals(ExitCode.USAGE, cli.run("clips", "render", "short10.mp4"));
        assertTrue(cli.err().contains("short10.clips.json has no clips (The video is 0:10 long"), cli.err());
        assertTrue(!cli.err().contains("--only"), cli.err());
        assertTrue(cli.err().contains("tagline clips find short10.mp4"), cli.err());
        cli.clear();
        assertEquals(ExitCode.USAGE, cli.run("clips", "render", "short10.mp4", "--only", "2"));
        assertTrue(cli.err().contains("There is no clip ranked 2 in") && cli.err().contains("Pick another --only"),
                cli.err());
    }

    @Test
    void anUnknownPresetIsAUsageErrorBeforeAnyRenderingAndNamesTheAllowedPresets() throws Exception {
        Files.writeString(dir.resolve("talk.mp4"), "x");
        ClipsFile.of(new ClipsFile.Source("talk.mp4", 60), Instant.parse("2026-11-27T03:00:00Z"), null, List.of(),
                List.of(new ClipCandidate(1, 10, 40, 80, new ClipCandidate.SubScores(1, 2, 3, 4, 5), "", "", "", null)))
                .write(dir.resolve("talk.clips.json"));
        CliTestSupport cli = new CliTestSupport(dir, Map.of());
        assertEquals(ExitCode.USAGE, cli.run("clips", "render", "talk.mp4", "--preset", "superduper"));
        assertTrue(cli.err().contains("--preset superduper is not an x264 preset"), cli.err());
        assertTrue(cli.err().contains("ultrafast, superfast, veryfast, faster, fast, medium, slow, slower, veryslow,"
                + " placebo"), cli.err());
        assertTrue(!Files.exists(dir.resolve("talk.clips")), "nothing was written");
    }

    @Test
    void aWdTaggerForKeyframeTagsIsOpenedThroughTheModelStoreLikeTagDoes() throws Exception {
        Files.writeString(dir.resolve("talk.mp4"), "x");
        ClipsFile.of(new ClipsFile.Source("talk.mp4", 60), Instant.parse("2026-11-27T03:00:00Z"), null, List.of(),
                List.of(new ClipCandidate(1, 10, 40, 80, new ClipCandidate.SubScores(1, 2, 3, 4, 5), "", "", "", null)))
                .write(dir.resolve("talk.clips.json"));
        CliTestSupport cli = new CliTestSupport(dir, Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin"),
                "TAGLINE_HOME", dir.resolve("home").toString(), "HF_HUB_OFFLINE", "1",
                "HF_HOME", dir.resolve("hf").toString()));
        assertEquals(ExitCode.USAGE, cli.run("clips", "render", "talk.mp4", "--mode", "center",
                "--tagger", "wd-vit-tagger-v3"));
        assertTrue(cli.err().contains("wd-vit-tagger-v3"), cli.err());
        assertTrue(cli.err().contains("HF_HUB_OFFLINE"), "the store's own offline error: " + cli.err());
    }

    /** The copywriter had no limit of its own; a bad one is refused in one line before anything is rendered. */
    @Test
    void aCopywriterMaxTokensBelowOneIsOneLineAndExitsTwo() throws Exception {
        Files.writeString(dir.resolve("talk.mp4"), "x");
        CliTestSupport cli = new CliTestSupport(dir, Map.of());
        assertEquals(ExitCode.USAGE, cli.run("clips", "render", "talk.mp4", "--copywriter", "openai:m",
                "--endpoint", "http://127.0.0.1:9/v1", "--copywriter-max-tokens", "-5"));
        assertEquals("error: --copywriter-max-tokens must be a whole number of tokens, 1 or more (got -5). Give the"
                + " longest answer the model may write, e.g. --copywriter-max-tokens 2048.", cli.err().strip());
        assertFalse(Files.exists(dir.resolve("talk.clips")), "nothing was written");
    }

    @Test
    void helpListsTheOptions() {
        CliTestSupport cli = new CliTestSupport(dir, Map.of());
        assertEquals(ExitCode.OK, cli.run("clips", "render", "--help"));
        for (String option : List.of("--clips", "--out", "--only", "--dry-run", "--aspect", "--mode", "--fonts",
                "--caption-style", "--copywriter", "--copywriter-max-tokens")) {
            assertTrue(cli.out().contains(option), option);
        }
        assertTrue(cli.out().replaceAll("\\s+", " ").contains("sent as max_tokens (default 1024;"), cli.out());
    }
}
