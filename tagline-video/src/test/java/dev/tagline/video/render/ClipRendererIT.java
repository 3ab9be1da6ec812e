package dev.tagline.video.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.process.ProcessRunner;
import dev.tagline.video.TestMedia;
import dev.tagline.video.ffmpeg.Ffmpeg;
import dev.tagline.video.ffmpeg.MediaInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipRendererIT {
    /** Tests encode with ultrafast to spare CI; everything else is the shipped setting. */
    static final EncodeSettings FAST = EncodeSettings.DEFAULTS.withPreset("ultrafast");
    static final double FRAME = 1.0 / 30;

    @TempDir
    Path dir;

    static RenderJob job(Path source, MediaInfo info, double start, double end, Aspect aspect, ReframeMode mode,
                         Path out) {
        Duration length = Duration.ofMillis(Math.round((end - start) * 1000));
        var v = info.firstVideo().orElseThrow();
        return new RenderJob(source, Duration.ofMillis(Math.round(start * 1000)),
                Duration.ofMillis(Math.round(end * 1000)), v.displayWidth(), v.displayHeight(),
                info.firstAudio().isPresent(), aspect, List.of(Scene.of(Duration.ZERO, length, mode)),
                Optional.empty(), FAST, out);
    }

    @Test
    void cutIsFrameAccurateInSyncAndPortrait() {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path source = RenderMedia.flashAndBeep(ffmpeg, dir.resolve("src.mp4"), 6, 3.0);
        Path out = dir.resolve("clip.mp4");
        // starts between keyframes (-g 30: keyframes at 0, 1, 2 … s) so an inaccurate seek would show
        new ClipRenderer(ffmpeg, new ProcessRunner(), Duration.ofMinutes(2))
                .render(job(source, ffmpeg.probe(source), 1.45, 4.2, Aspect.PORTRAIT, ReframeMode.CENTER, out));
        MediaInfo info = ffmpeg.probe(out);
        MediaInfo.VideoStream v = info.firstVideo().orElseThrow();
        assertEquals(1080, v.width());
        assertEquals(1920, v.height());
        assertEquals(30.0, v.fps(), 1e-6);
        double[] durations = RenderMedia.streamDurations(ffmpeg, out);
        assertEquals(2.75, durations[0], FRAME, "video duration within one frame");
        assertEquals(2.75, durations[1], FRAME, "audio duration within one frame");
        double flash = RenderMedia.firstFlash(ffmpeg, out);
        double beep = RenderMedia.firstBeep(ffmpeg, out);
        assertEquals(1.55, flash, FRAME, "the flash lands where the cut puts it");
        assertTrue(Math.abs(flash - beep) < 0.040, "A/V offset " + (flash - beep) + " s");
    }

    @Test
    void fitAndBlurPadFillOtherAspects() {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path source = RenderMedia.flashAndBeep(ffmpeg, dir.resolve("src.mp4"), 3, 1.0);
        ClipRenderer renderer = new ClipRenderer(ffmpeg, new ProcessRunner(), Duration.ofMinutes(2));
        MediaInfo info = ffmpeg.probe(source);
        for (Object[] c : new Object[][] {{Aspect.SQUARE, ReframeMode.FIT}, {Aspect.PORTRAIT_4_5,
                ReframeMode.BLUR_PAD}, {Aspect.LANDSCAPE, ReframeMode.CENTER}}) {
            Aspect aspect = (Aspect) c[0];
            Path out = dir.resolve(aspect.name() + ".mp4");
            renderer.render(job(source, info, 0.5, 2.0, aspect, (ReframeMode) c[1], out));
            MediaInfo.VideoStream v = ffmpeg.probe(out).firstVideo().orElseThrow();
            assertEquals(aspect.width(), v.width(), aspect.label());
            assertEquals(aspect.height(), v.height(), aspect.label());
        }
    }

    @Test
    void loudnessIsNormalisedToMinus14WithTruePeakBelowMinus1() throws Exception {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path source = TestMedia.make(ffmpeg, dir.resolve("speech.mp4"), "-f", "lavfi", "-i",
                "testsrc2=s=320x180:r=30:d=4", "-f", "lavfi", "-i",
                "flite=text='Loudness matters more than you think, so we measure it twice.'",
                "-filter_complex", "[1:a]volume=0.15,apad[a]", "-map", "0:v", "-map", "[a]", "-t", "4",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac");
        double before = RenderMedia.ebur128(ffmpeg, source)[0];
        Path out = dir.resolve("loud.mp4");
        Loudness measured = new ClipRenderer(ffmpeg, new ProcessRunner(), Duration.ofMinutes(2))
                .render(job(source, ffmpeg.probe(source), 0.2, 3.8, Aspect.PORTRAIT, ReframeMode.FIT, out));
        double[] after = RenderMedia.ebur128(ffmpeg, out);
        assertTrue(before < -22, "the source is quiet: " + before);
        assertEquals(before, measured.integratedLufs(), 3, "pass 1 measured the span");
        assertEquals(-14, after[0], 1.0, "integrated loudness after rendering");
        assertTrue(after[1] <= -1 + 0.5, "true peak " + after[1] + " dBTP");
        assertTrue(Files.size(out) > 0);
    }

    /**
     * Dogfood G7: espeak-ng narration (−20 LUFS, true peak −1 dBTP) came out at −15.5 LUFS with its true peak at
     * −3.7 dBTP and no note. Linear gain to −14 would have put the peaks at +5 dBTP, so loudnorm left its linear mode
     * without a word, and its dynamic mode stopped 1.5 LU short with 2.7 dB of peak room unused. Now the render adds
     * what the dynamic mode left, as far as the true peak allows.
     */
    @Test
    void narrationWithSharpPeaksLandedAtMinus15AndAHalfLufsWithPeakRoomUnused_nowAtMinus14() {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path source = RenderMedia.narration(ffmpeg, dir.resolve("narration.mp4"), "Now the main block. We create a"
                + " threading server on port eight thousand and call serve forever. Let's run it in the terminal.");
        double[] before = RenderMedia.ebur128(ffmpeg, source);
        Path out = dir.resolve("narration.clip.mp4");
        ClipRenderer renderer = new ClipRenderer(ffmpeg, new ProcessRunner(), Duration.ofMinutes(2));
        RenderJob job = job(source, ffmpeg.probe(source), 0.2, 6.2, Aspect.PORTRAIT, ReframeMode.FIT, out);
        assertTrue(before[1] + (-14 - before[0]) > -1 + 2, "the test needs peaks that a linear gain to -14 LUFS"
                + " would clip: " + before[0] + " LUFS, " + before[1] + " dBTP");
        Loudness measured = renderer.render(job);
        double[] after = RenderMedia.ebur128(ffmpeg, out);
        assertEquals(-14, after[0], 0.5, "integrated loudness after rendering (true peak " + after[1] + " dBTP)");
        assertTrue(after[1] <= -1 + 0.5, "true peak " + after[1] + " dBTP");
        assertEquals(java.util.Optional.empty(), AudioChain.shortfall(measured, renderer.measureRendered(out)),
                "on target: nothing to say");
    }

    @Test
    void aClipNearTheEndSeeksAsFastAsOneNearTheStart() {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path source = TestMedia.make(ffmpeg, dir.resolve("long.mp4"), "-f", "lavfi", "-i",
                "testsrc2=s=320x180:r=30:d=240", "-f", "lavfi", "-i", "sine=d=240", "-c:v", "libx264", "-preset",
                "ultrafast", "-g", "60", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest");
        ClipRenderer renderer = new ClipRenderer(ffmpeg, new ProcessRunner(), Duration.ofMinutes(2));
        MediaInfo info = ffmpeg.probe(source);
        renderer.render(job(source, info, 1, 2, Aspect.SQUARE, ReframeMode.CENTER, dir.resolve("warm.mp4")));
        long early = time(() -> renderer.render(job(source, info, 2, 4, Aspect.SQUARE, ReframeMode.CENTER,
                dir.resolve("early.mp4"))));
        long late = time(() -> renderer.render(job(source, info, 236, 238, Aspect.SQUARE, ReframeMode.CENTER,
                dir.resolve("late.mp4"))));
        assertTrue(late < early * 1.5 + 300, "near the end " + late + " ms, near the start " + early + " ms");
    }

    private static long time(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
