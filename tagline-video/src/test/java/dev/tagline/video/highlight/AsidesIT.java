package dev.tagline.video.highlight;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tagline.core.manifest.ClipCandidate;
import dev.tagline.core.manifest.ClipsFile;
import dev.tagline.core.progress.Progress;
import dev.tagline.inference.BuiltinModels;
import dev.tagline.inference.TestModels;
import dev.tagline.video.TestMedia;
import dev.tagline.video.ffmpeg.Ffmpeg;
import dev.tagline.video.signal.DecodeOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Asides with the real built-in MiniLM and OpenNLP and the real scorer, on the dogfood git tutorial
 * (docs/benchmarks.md, "Issue 7 — clips find: off-topic asides"): its seven slides' subtitles, each sentence at the
 * time espeak-ng said it there, the fifth slide a cooking break about pasta, beside a generated video of the slides'
 * titles.
 */
class AsidesIT {
    /** {start s, end s, text}: talk2.srt as the tutorial's espeak-ng voice timed it. */
    static final Object[][] SAID = {
        {0.05, 1.84, "Welcome back to the channel."},
        {1.84, 6.826, "Today I will show you the one git trick that saved me hours every single week."},
        {6.826, 12.516, "Most beginners commit everything straight to the main branch, and that is a huge"
                + " mistake."},
        {12.516, 17.95, "Let me explain why branches matter and how to use them like a professional"
                + " developer."},
        {18.85, 21.682, "First, create a branch for every feature."},
        {21.682, 25.342, "Type git switch dash c, followed by the feature name."},
        {25.342, 28.242, "This gives you a safe place to experiment."},
        {28.242, 34.32, "If something breaks, your main branch stays clean and your teammates never see the"
                + " mess."},
        {34.32, 38.049, "This is the single most important habit you can build."},
        {38.949, 41.485, "Second, commit small and commit often."},
        {41.485, 44.155, "Each commit should do exactly one thing."},
        {44.155, 49.629, "When you write a message, describe why you made the change, not just what changed."},
        {49.629, 55.169, "Future you will thank present you when you are hunting a bug at two in the morning."},
        {56.069, 61.18, "Third, rebase your branch on top of main before you open a pull request."},
        {61.18, 64.517, "This keeps the history linear and easy to read."},
        {64.517, 67.57, "Run git fetch, then git rebase origin main."},
        {67.57, 73.249, "If there are conflicts, fix them one commit at a time, then continue the rebase."},
        {74.149, 75.492, "Now, a quick break."},
        {75.492, 82.28, "Did you know that the secret to perfect pasta is salting the water until it tastes like"
                + " the sea?"},
        {82.28, 88.856, "Boil it hard, stir it in the first minute, and save a cup of the starchy water for the"
                + " sauce."},
        {88.856, 90.129, "Okay, back to git."},
        {91.029, 92.635, "Finally, the lifesaver."},
        {92.635, 95.149, "If you ever lose work, do not panic."},
        {95.149, 98.92, "Git reflog remembers every place your branch has been."},
        {98.92, 101.853, "Find the commit you lost, and reset to it."},
        {101.853, 105.065, "I have recovered entire days of work this way."},
        {105.065, 109.465, "Nothing is truly lost in git if you committed it at least once."},
        {110.365, 110.993, "To recap:"},
        {110.993, 118.735, "branch for every feature, commit small and often, rebase before you merge, and use"
                + " reflog when things go wrong."},
        {118.735, 125.571, "If this helped you, subscribe and tell me in the comments which git command confuses"
                + " you the most."},
        {125.571, 127.385, "See you in the next video."}};
    /** The slides' titles and where each starts (s); the video ends at {@link #LENGTH}. */
    static final String[] TITLES = {"Why Git Branches Matter", "Create a Branch", "Commit Small and Often",
        "Rebase Before You Merge", "Cooking Break", "Undo Mistakes With Reflog", "Recap"};
    static final double[] SLIDE_STARTS = {0, 18.4, 38.5, 55.6, 73.7, 90.6, 109.9};
    static final double LENGTH = 128.257;
    /** The pasta tip: its two sentences, from "Did you know…" to "…for the sauce." */
    static final double PASTA_START = 75.492;
    static final double PASTA_END = 88.856;
    static final int BETTER = 3;

    @TempDir
    Path dir;

    /**
     * With {@code --length short}, the clip with the pasta tip in it ranked first (67 against 49 for the next): the
     * question it opens with is a hook. Now the time spent on pasta counts for nothing: a clip that takes in most
     * of the tip ranks below at least {@value #BETTER} clips that stay on git (the three that {@code clips find}
     * keeps for a video of two minutes), and its reason names the aside. It then still ranked above a git clip that
     * crosses the topic change before the break (26 to its 35); a clip more than a third in the aside now scores 0
     * and ranks below every git clip.
     */
    @Test
    void thePastaTipInAGitTutorialRanksBelowTheGitClips() throws IOException {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path video = slides(ffmpeg);
        Files.writeString(dir.resolve("talk2.srt"), srt());
        ClipsFile clips;
        try (FinderModels models = FinderModels.builtin(TestModels.builtins(BuiltinModels.OCR,
                BuiltinModels.EMBEDDINGS))) {
            clips = new ClipFinder(ffmpeg, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), Progress.Factory.NONE)
                    .find(video, new ClipFinder.Options(DurationBand.preset("short"), OptionalInt.of(8),
                            Optional.empty(), Optional.empty(), DecodeOptions.DEFAULT, Optional.empty(), models));
        }
        assertTrue(clips.notes().stream().noneMatch(n -> n.contains("not available")), clips.notes()::toString);
        List<ClipCandidate> pasta = clips.clips().stream().filter(AsidesIT::mostlyPasta).toList();
        List<ClipCandidate> git = clips.clips().stream().filter(c -> pasta(c) == 0).toList();
        assertFalse(pasta.isEmpty(), "a clip takes in the pasta tip: " + clips.clips());
        assertFalse(git.isEmpty(), clips.clips()::toString);
        for (ClipCandidate p : pasta) {
            assertTrue(p.reason().contains("strays from the rest of the video's topic"), p::toString);
            assertTrue(p.reason().contains("1:15.5–1:28.8"), "the aside is the pasta tip: " + p);
            long above = git.stream().filter(g -> g.rank() < p.rank()).count();
            assertTrue(above >= BETTER, "only " + above + " git clips rank above pasta " + p + ": " + clips.clips());
            if (pasta(p) > (p.endSeconds() - p.startSeconds()) / 3) {
                assertTrue(git.stream().allMatch(g -> g.rank() < p.rank()), "a git clip ranks below " + p + ": "
                        + clips.clips());
            }
        }
        assertTrue(pasta.stream().anyMatch(p -> pasta(p) > (p.endSeconds() - p.startSeconds()) / 3),
                "no clip is more than a third pasta: " + clips.clips());
    }

    /** Seconds of the pasta tip in the clip. */
    private static double pasta(ClipCandidate c) {
        return Math.max(0, Math.min(c.endSeconds(), PASTA_END) - Math.max(c.startSeconds(), PASTA_START));
    }

    private static boolean mostlyPasta(ClipCandidate c) {
        return pasta(c) > (PASTA_END - PASTA_START) / 2;
    }

    private Path slides(Ffmpeg ffmpeg) {
        assumeTrue(Files.isRegularFile(Path.of(ClipFinderModelsIT.FONT)),
                "skipped: " + ClipFinderModelsIT.FONT + " is missing (apt-get install fonts-dejavu-core)");
        StringBuilder graph = new StringBuilder("[0:v]");
        for (int i = 0; i < TITLES.length; i++) {
            double end = i + 1 < TITLES.length ? SLIDE_STARTS[i + 1] : LENGTH;
            graph.append(i == 0 ? "" : ",").append("drawtext=fontfile=").append(ClipFinderModelsIT.FONT)
                    .append(":text='").append(TITLES[i]).append("':fontsize=40:fontcolor=white:x=(w-tw)/2:y=h/3")
                    .append(":enable='between(t,").append(SLIDE_STARTS[i]).append(',').append(end - 0.01)
                    .append(")'");
        }
        return TestMedia.make(ffmpeg, dir.resolve("talk2.mp4"), "-f", "lavfi", "-i",
                "color=c=0x203040:s=640x360:r=10:d=" + LENGTH, "-filter_complex", graph.append("[v]").toString(),
                "-map", "[v]", "-c:v", "libx264", "-pix_fmt", "yuv420p");
    }

    private static String srt() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < SAID.length; i++) {
            sb.append(i + 1).append('\n').append(time((double) SAID[i][0])).append(" --> ")
                    .append(time((double) SAID[i][1])).append('\n').append(SAID[i][2]).append("\n\n");
        }
        return sb.toString();
    }

    private static String time(double s) {
        long ms = Math.round(s * 1000);
        return String.format(Locale.ROOT, "00:%02d:%02d,%03d", ms / 60_000, ms / 1000 % 60, ms % 1000);
    }
}
