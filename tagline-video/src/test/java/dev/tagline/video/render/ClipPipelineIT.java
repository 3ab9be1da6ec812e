package dev.tagline.video.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.manifest.ClipCandidate;
import dev.tagline.core.manifest.ClipManifest;
import dev.tagline.core.process.ProcessRunner;
import dev.tagline.images.tag.ImageTagger;
import dev.tagline.images.tag.ScoredTag;
import dev.tagline.images.tag.ScoredTags;
import dev.tagline.images.tag.TaggerInput;
import dev.tagline.video.TestMedia;
import dev.tagline.video.copy.HeuristicCopywriter;
import dev.tagline.video.ffmpeg.Ffmpeg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipPipelineIT {
    @TempDir
    Path dir;

    /** A tagger that sees a whiteboard in every frame and remembers the frames it was given. */
    static final class WhiteboardTagger implements ImageTagger {
        final List<TaggerInput> seen = new ArrayList<>();

        @Override
        public String id() {
            return "whiteboard";
        }

        @Override
        public List<ScoredTags> tag(List<TaggerInput> batch) {
            seen.addAll(batch);
            return batch.stream().map(b -> new ScoredTags(List.of(new ScoredTag("whiteboard", 0.9),
                    new ScoredTag("blurry", 0.95)))).toList();
        }
    }

    @Test
    void keyframeTagsFlowIntoTheHashtagsAndAClipWithoutTranscriptHasNoCaptions() throws Exception {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path video = RenderMedia.flashAndBeep(ffmpeg, dir.resolve("talk.mp4"), 4, 2.0);
        WhiteboardTagger tagger = new WhiteboardTagger();
        ClipPipeline pipeline = new ClipPipeline(ffmpeg, new ClipRenderer(ffmpeg, new ProcessRunner(),
                Duration.ofMinutes(2)), new ClipAnalyser(ffmpeg, FaceFinder.NONE), new HeuristicCopywriter(),
                List.of(tagger));
        ClipCandidate clip = new ClipCandidate(3, 0.5, 3.5, 64, new ClipCandidate.SubScores(1, 1, 1, 1, 1), "",
                "Whiteboards explain systems.", "Whiteboards explain systems. Draw the boxes first.", null);
        RenderOptions options = new RenderOptions(Aspect.PORTRAIT, Optional.of(ReframeMode.BLUR_PAD), true,
                CaptionStyle.BOLD, Optional.empty(), ClipRendererIT.FAST);
        ClipManifest m = pipeline.render(pipeline.open(video), clip, dir.resolve("out"), options).manifest();
        assertEquals(Keyframes.COUNT, tagger.seen.size(), "the tagger saw the keyframes");
        assertTrue(tagger.seen.get(0).bufferedImage().getWidth() == 512, "keyframes are ≤ 512 px wide, unreframed");
        assertTrue(m.copy().hashtags().contains("whiteboard"), m.copy().hashtags().toString());
        assertTrue(!m.copy().hashtags().contains("blurry"), m.copy().hashtags().toString());
        assertEquals("Whiteboards explain systems", m.copy().title());
        assertNull(m.render().captions(), "no transcript beside the video: no caption files");
        assertTrue(Files.isRegularFile(dir.resolve("out/talk-003/talk-003.jpg")));
        assertEquals(List.of("blur-pad"), m.render().scenes().stream().map(ClipManifest.SceneMode::mode).toList());
        assertEquals(List.of(), m.render().notes(), "a beep reaches -14 LUFS: nothing to say");
    }

    /** Dogfood: a near-silent clip came out at -25 LUFS against the promised -14 and nothing said so. */
    @Test
    void aNearlySilentClipThatCannotReachTheLoudnessTargetSaysSoInClipJson() throws Exception {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path video = TestMedia.make(ffmpeg, dir.resolve("quiet.mp4"), "-f", "lavfi", "-i",
                "testsrc2=s=320x180:r=30:d=4", "-f", "lavfi", "-i",
                "anoisesrc=d=4:a=0.001:c=pink:r=48000,volume=enable='between(t,1.5,1.52)':volume=300",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest");
        ClipPipeline pipeline = pipeline(ffmpeg);
        ClipCandidate clip = new ClipCandidate(1, 0.5, 3.5, 40, new ClipCandidate.SubScores(1, 1, 1, 1, 1), "", "",
                "A quiet clip.", null);
        RenderOptions options = new RenderOptions(Aspect.PORTRAIT, Optional.of(ReframeMode.FIT), true,
                CaptionStyle.BOLD, Optional.empty(), ClipRendererIT.FAST);
        ClipManifest m = pipeline.render(pipeline.open(video), clip, dir.resolve("out"), options).manifest();
        double reached = RenderMedia.ebur128(ffmpeg, dir.resolve("out/quiet-001/quiet-001.mp4"))[0];
        assertTrue(reached < -16, "the test needs a clip normalisation cannot lift: " + reached);
        assertEquals(1, m.render().notes().size(), m.render().notes().toString());
        assertTrue(m.render().notes().get(0).matches("The audio measures -\\d+\\.\\d LUFS, not the -14 LUFS target: the"
                + " source is nearly silent .*"), m.render().notes().get(0));
        assertTrue(Files.readString(dir.resolve("out/quiet-001/clip.json")).contains("\"notes\""));
    }

    /** Dogfood: a render printed nothing for 20-45 s per clip; each clip is now a task counting encoded seconds. */
    @Test
    void eachClipIsAProgressTaskThatCountsTheSecondsEncoded() throws Exception {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path video = RenderMedia.flashAndBeep(ffmpeg, dir.resolve("talk.mp4"), 4, 2.0);
        List<String> tasks = new ArrayList<>();
        List<Long> positions = java.util.Collections.synchronizedList(new ArrayList<>());
        dev.tagline.core.progress.Progress.Factory recording = (task, total, unit) -> {
            tasks.add(task + " " + total + " " + unit);
            return new dev.tagline.core.progress.Progress() {
                @Override
                public void advance(long units) {
                }

                @Override
                public void jumpTo(long done) {
                    positions.add(done);
                }

                @Override
                public void close() {
                    tasks.add("closed");
                }
            };
        };
        ClipPipeline pipeline = new ClipPipeline(ffmpeg, new ClipRenderer(ffmpeg, new ProcessRunner(),
                Duration.ofMinutes(2)), new ClipAnalyser(ffmpeg, FaceFinder.NONE), new HeuristicCopywriter(),
                List.of(), recording);
        ClipCandidate clip = new ClipCandidate(2, 0.5, 3.5, 40, new ClipCandidate.SubScores(1, 1, 1, 1, 1), "", "",
                "A clip.", null);
        pipeline.render(pipeline.open(video), clip, dir.resolve("out"), new RenderOptions(Aspect.PORTRAIT,
                Optional.of(ReframeMode.FIT), true, CaptionStyle.BOLD, Optional.empty(), ClipRendererIT.FAST));
        assertEquals(List.of("Rendering talk-002 3 SECONDS", "closed"), tasks);
        assertFalse(positions.isEmpty(), "the encode reported its position");
        assertEquals(3L, positions.get(positions.size() - 1),
                "a finished clip counts all its seconds (recheck 16: '0:45 of media done' for 46.0 s): " + positions);
    }

    @Test
    void aClipWithoutTranscriptIsTitledFromItsOnScreenText() throws Exception {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path video = RenderMedia.flashAndBeep(ffmpeg, dir.resolve("talk.mp4"), 4, 2.0);
        ClipPipeline pipeline = pipeline(ffmpeg);
        ClipCandidate clip = new ClipCandidate(1, 0.5, 3.5, 40, new ClipCandidate.SubScores(1, 1, 1, 1, 1), "", "",
                "", null, List.of("Deploying to Kubernetes", "kubectl apply -f app.yaml"));
        RenderOptions options = new RenderOptions(Aspect.PORTRAIT, Optional.of(ReframeMode.BLUR_PAD), true,
                CaptionStyle.BOLD, Optional.empty(), ClipRendererIT.FAST);
        ClipManifest m = pipeline.render(pipeline.open(video), clip, dir.resolve("out"), options).manifest();
        assertEquals("Deploying to Kubernetes", m.copy().title());
        assertEquals("Deploying to Kubernetes · kubectl apply -f app.yaml", m.copy().caption());
        assertTrue(m.copy().hashtags().contains("kubernetes"), m.copy().hashtags().toString());
    }

    /** Dogfood round 3: a kept review came with a note on where the (unused) generated copy came from. */
    @Test
    void theNoteOnWhereTheCopyCameFromGoesWithTheGeneratedCopyNotWithAKeptReview() throws Exception {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path video = RenderMedia.flashAndBeep(ffmpeg, dir.resolve("talk.mp4"), 2, 1.0);
        ClipPipeline pipeline = pipeline(ffmpeg);
        ClipCandidate clip = new ClipCandidate(1, 0.2, 1.4, 40, new ClipCandidate.SubScores(1, 1, 1, 1, 1), "", "",
                "", null, List.of("Deploying to Kubernetes"));
        RenderOptions options = new RenderOptions(Aspect.PORTRAIT, Optional.of(ReframeMode.FIT), true,
                CaptionStyle.BOLD, Optional.empty(), ClipRendererIT.FAST);
        ClipPipeline.Source source = pipeline.open(video);
        ClipManifest m = pipeline.render(source, clip, dir.resolve("out"), options).manifest();
        assertTrue(m.render().notes().stream().anyMatch(n -> n.startsWith("No transcript to write copy from")),
                m.render().notes().toString());
        Path json = dir.resolve("out/talk-001/clip.json");
        dev.tagline.core.manifest.ClipManifests.write(json, new ClipManifest(m.schema(), m.version(), m.id(),
                m.video(), m.source(), m.durationSeconds(), m.width(), m.height(), m.score(), true,
                new ClipManifest.Copy("My own title", "My own words", List.of("k8s")), m.variants(), m.render()));
        ClipPipeline.Rendered again = pipeline.render(source, clip, dir.resolve("out"), options);
        assertTrue(again.reviewKept());
        assertTrue(again.manifest().render().notes().stream().noneMatch(n -> n.startsWith("No transcript")),
                "the reviewed copy is the user's: " + again.manifest().render().notes());
    }

    @Test
    void aFailedReRenderKeepsThePreviousClipAndItsManifestAndAFailedFirstRenderLeavesNothing() throws Exception {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path video = RenderMedia.flashAndBeep(ffmpeg, dir.resolve("talk.mp4"), 3, 1.0);
        ClipPipeline pipeline = pipeline(ffmpeg);
        ClipCandidate clip = new ClipCandidate(1, 0.5, 2.5, 50, new ClipCandidate.SubScores(1, 1, 1, 1, 1), "", "",
                "A short clip.", null);
        RenderOptions good = new RenderOptions(Aspect.PORTRAIT, Optional.of(ReframeMode.FIT), true,
                CaptionStyle.BOLD, Optional.empty(), ClipRendererIT.FAST);
        // x264 refuses the preset only after FFmpeg has opened its output: the render fails mid-way
        RenderOptions failing = new RenderOptions(Aspect.PORTRAIT, Optional.of(ReframeMode.FIT), true,
                CaptionStyle.BOLD, Optional.empty(), ClipRendererIT.FAST.withPreset("superduper"));
        ClipPipeline.Source source = pipeline.open(video);
        Path folder = dir.resolve("out/talk-001");
        pipeline.render(source, clip, dir.resolve("out"), good);
        byte[] before = Files.readAllBytes(folder.resolve("talk-001.mp4"));
        String manifest = Files.readString(folder.resolve("clip.json"));
        List<String> names = list(folder);

        assertThrows(dev.tagline.core.TaglineException.class,
                () -> pipeline.render(source, clip, dir.resolve("out"), failing));
        assertArrayEquals(before, Files.readAllBytes(folder.resolve("talk-001.mp4")), "the good clip is kept");
        assertEquals(manifest, Files.readString(folder.resolve("clip.json")));
        assertEquals(names, list(folder), "no temporary files are left behind");

        ClipCandidate other = new ClipCandidate(2, 1.0, 2.8, 40, new ClipCandidate.SubScores(1, 1, 1, 1, 1), "", "",
                "", null);
        assertThrows(dev.tagline.core.TaglineException.class,
                () -> pipeline.render(source, other, dir.resolve("out"), failing));
        assertFalse(Files.exists(dir.resolve("out/talk-002")), "a failed first render leaves no half clip folder");
    }

    @Test
    void aReRenderKeepsTheReviewOfTheSameClipUnlessAskedToResetIt() throws Exception {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path video = RenderMedia.flashAndBeep(ffmpeg, dir.resolve("talk.mp4"), 2, 1.0);
        ClipPipeline pipeline = pipeline(ffmpeg);
        ClipCandidate clip = new ClipCandidate(1, 0.2, 1.4, 50, new ClipCandidate.SubScores(1, 1, 1, 1, 1), "", "",
                "Whiteboards explain systems.", null);
        RenderOptions options = new RenderOptions(Aspect.PORTRAIT, Optional.of(ReframeMode.FIT), true,
                CaptionStyle.BOLD, Optional.empty(), ClipRendererIT.FAST);
        ClipPipeline.Source source = pipeline.open(video);
        ClipPipeline.Rendered first = pipeline.render(source, clip, dir.resolve("out"), options);
        assertFalse(first.reviewKept(), "nothing to keep the first time");
        assertFalse(pipeline.render(source, clip, dir.resolve("out"), options).reviewKept(),
                "nobody reviewed it: no review to speak of");
        Path json = dir.resolve("out/talk-001/clip.json");
        ClipManifest m = first.manifest();
        ClipManifest.Copy edited = new ClipManifest.Copy("Draw the boxes first", "My edited description",
                List.of("systems", "design"));
        dev.tagline.core.manifest.ClipManifests.write(json, new ClipManifest(m.schema(), m.version(), m.id(),
                m.video(), m.source(), m.durationSeconds(), m.width(), m.height(), m.score(), false, edited,
                m.variants(), m.render()));

        ClipPipeline.Rendered again = pipeline.render(source, clip, dir.resolve("out"), options);
        ClipManifest kept = dev.tagline.core.manifest.ClipManifests.read(json);
        assertTrue(again.reviewKept());
        assertFalse(kept.accepted(), "a rejected clip stays rejected");
        assertEquals(edited, kept.copy());
        assertEquals("Draw the boxes first", kept.copyFor("youtube").title(), "the variants follow the kept copy");
        assertEquals(List.of("systems", "design"), kept.copyFor("tiktok").hashtags());

        ClipCandidate moved = new ClipCandidate(1, 0.4, 1.6, 50, new ClipCandidate.SubScores(1, 1, 1, 1, 1), "", "",
                "Whiteboards explain systems.", null);
        assertFalse(pipeline.render(source, moved, dir.resolve("out"), options).reviewKept(),
                "another span is another clip: fresh copy");
        dev.tagline.core.manifest.ClipManifests.write(json, kept);
        ClipPipeline.Rendered reset = pipeline.render(source, clip, dir.resolve("out"),
                options.withKeepReview(false));
        assertFalse(reset.reviewKept());
        assertTrue(reset.manifest().accepted());
        assertEquals(m.copy(), reset.manifest().copy());

        // a clip.json that no longer parses (a hand edit left a trailing comma): its review cannot be kept, so the
        // re-render stops before rendering instead of accepting a clip that may have been rejected
        String broken = java.nio.file.Files.readString(json).replaceFirst("}\\s*$", ",}");
        java.nio.file.Files.writeString(json, broken);
        dev.tagline.core.TaglineException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.tagline.core.TaglineException.class, () -> pipeline.render(source, clip, dir.resolve("out"),
                        options));
        assertTrue(e.getMessage().startsWith("Cannot read the earlier " + json), e.getMessage());
        assertTrue(e.hint().contains("--reset-review"), e.hint());
        assertEquals(broken, java.nio.file.Files.readString(json), "left as it was");
        assertTrue(pipeline.render(source, clip, dir.resolve("out"), options.withKeepReview(false)).manifest()
                .accepted(), "--reset-review writes over it");
    }

    @Test
    void aClipThatEndsAfterTheVideoIsRefusedBeforeRendering() throws Exception {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path video = RenderMedia.flashAndBeep(ffmpeg, dir.resolve("talk.mp4"), 2, 1.0);
        ClipPipeline pipeline = pipeline(ffmpeg);
        dev.tagline.core.manifest.ClipsFile clips = dev.tagline.core.manifest.ClipsFile.of(
                new dev.tagline.core.manifest.ClipsFile.Source("talk.mp4", 0), java.time.Instant.EPOCH, null,
                List.of(), List.of(new ClipCandidate(2, 1.0, 40.0, 50, new ClipCandidate.SubScores(1, 1, 1, 1, 1),
                        "", "", "", null)));
        dev.tagline.core.TaglineException e = assertThrows(dev.tagline.core.TaglineException.class,
                () -> pipeline.requireClipsOf(pipeline.open(video), clips, dir.resolve("talk.clips.json")));
        assertEquals("Clip 2 of talk.clips.json ends at 40.0 s, after the end of talk.mp4 (2.0 s)", e.getMessage());
    }

    private static List<String> list(Path folder) throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The pipeline as {@code clips render} builds it, without a face finder or image taggers. */
    private static ClipPipeline pipeline(Ffmpeg ffmpeg) {
        return new ClipPipeline(ffmpeg, new ClipRenderer(ffmpeg, new ProcessRunner(), Duration.ofMinutes(2)),
                new ClipAnalyser(ffmpeg, FaceFinder.NONE), new HeuristicCopywriter(), List.of());
    }
}
