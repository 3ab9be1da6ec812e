package dev.tagline.video.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.TaglineException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RenderArgsTest {
    static final Path FFMPEG = Path.of("/usr/bin/ffmpeg");
    static final Loudness MEASURED = new Loudness(-27.5, -9.2, 6.1, -38.0, 0.3);

    static RenderJob job(Aspect aspect, List<Scene> scenes) {
        return new RenderJob(Path.of("talk.mp4"), Duration.ofMillis(3_600_500), Duration.ofMillis(3_645_500), 1920,
                1080, true, aspect, scenes, Optional.empty(), EncodeSettings.DEFAULTS, Path.of("out/clip.mp4"));
    }

    static RenderJob center() {
        return job(Aspect.PORTRAIT, List.of(Scene.of(Duration.ZERO, Duration.ofSeconds(45), ReframeMode.CENTER)));
    }

    @Test
    void seeksTheInputFastAndCutsTheOutputAtTheClipLength() {
        List<String> args = RenderArgs.render(FFMPEG, center(), MEASURED);
        int ss = args.indexOf("-ss");
        int in = args.indexOf("-i");
        assertTrue(ss >= 0 && ss < in, "-ss before -i (input seeking): " + args);
        assertEquals("3600.500", args.get(ss + 1));
        int t = args.indexOf("-t");
        assertTrue(t > in, "-t is an output option: " + args);
        assertEquals("45.000", args.get(t + 1));
        assertEquals("out/clip.mp4", args.get(args.size() - 1));
    }

    @Test
    void encodesWithTheReferenceSettings() {
        String line = String.join(" ", RenderArgs.render(FFMPEG, center(), MEASURED));
        for (String part : List.of("-c:v libx264", "-preset medium", "-crf 20", "-pix_fmt yuv420p", "-r 30",
                "-c:a aac", "-b:a 160k", "-ar 48000", "-movflags +faststart", "-map [vout]", "-map [aout]")) {
            assertTrue(line.contains(part), part + " in " + line);
        }
    }

    @Test
    void centreCropsTheMiddleNineBySixteenAndScalesToTheFrame() {
        String graph = graph(center());
        assertTrue(graph.startsWith("[0:v]fps=30[src];[src]crop=w=608:h=1080:x=656:y=0,scale=1080:1920,setsar=1[v0]"),
                graph);
        assertTrue(graph.endsWith("[v0]format=yuv420p[vout]"), graph);
    }

    @Test
    void screenCropCutsAFullHeightWindowAlongItsPathAndPadsIt() {
        CropPath path = new CropPath(List.of(new CropPath.Key(Duration.ZERO, 600),
                new CropPath.Key(Duration.ofSeconds(2), 900)));
        String g = graph(job(Aspect.PORTRAIT, List.of(new Scene(Duration.ZERO, Duration.ofSeconds(45),
                ReframeMode.SCREEN_CROP, path, null, 720))));
        assertTrue(g.contains("crop=w=720:h=1080:x='max(0,min(1200,600+150*clip(t-0,0,2)))':y=0,split=2"), g);
        assertTrue(g.contains("scale=1080:1920:force_original_aspect_ratio=decrease"), g);
        assertTrue(g.contains("overlay=(W-w)/2:(H-h)/2"), g);
        assertThrows(IllegalArgumentException.class, () -> new Scene(Duration.ZERO, Duration.ofSeconds(1),
                ReframeMode.SCREEN_CROP, path, null));
    }

    @Test
    void fitLetterboxesAndBlurPadOverlaysOnABlurredCopy() {
        String fit = graph(job(Aspect.PORTRAIT, List.of(Scene.of(Duration.ZERO, Duration.ofSeconds(45),
                ReframeMode.FIT))));
        assertTrue(fit.contains("scale=1080:1920:force_original_aspect_ratio=decrease"), fit);
        assertTrue(fit.contains("pad=1080:1920:(ow-iw)/2:(oh-ih)/2"), fit);
        String blur = graph(job(Aspect.PORTRAIT, List.of(Scene.of(Duration.ZERO, Duration.ofSeconds(45),
                ReframeMode.BLUR_PAD))));
        assertTrue(blur.contains("scale=36:64:force_original_aspect_ratio=increase,crop=36:64,gblur=sigma=12:steps=4,"
                + "colorchannelmixer=rr=0.5:gg=0.5:bb=0.5"),
                "blurred at 1/30 size by a third of the width and darkened, so not even a title's words show: " + blur);
        assertTrue(blur.contains("overlay=(W-w)/2:(H-h)/2"), blur);
        assertTrue(blur.contains("scale=1080:1920[v0_b]"), blur);
    }

    @Test
    void otherAspectsChangeTheFrame() {
        assertTrue(graph(job(Aspect.SQUARE, List.of(Scene.of(Duration.ZERO, Duration.ofSeconds(45),
                ReframeMode.CENTER)))).contains("crop=w=1080:h=1080:x=420:y=0,scale=1080:1080"));
        assertTrue(graph(job(Aspect.PORTRAIT_4_5, List.of(Scene.of(Duration.ZERO, Duration.ofSeconds(45),
                ReframeMode.CENTER)))).contains("crop=w=864:h=1080:x=528:y=0,scale=1080:1350"));
        assertEquals(Aspect.PORTRAIT_4_5, Aspect.parse("4:5"));
        assertThrows(TaglineException.class, () -> Aspect.parse("3:2"));
    }

    @Test
    void scenesAreTrimmedReframedAndConcatenatedInOneGraph() {
        String graph = graph(job(Aspect.PORTRAIT, List.of(
                Scene.of(Duration.ZERO, Duration.ofMillis(12_500), ReframeMode.CENTER),
                Scene.of(Duration.ofMillis(12_500), Duration.ofSeconds(45), ReframeMode.FIT))));
        assertTrue(graph.startsWith("[0:v]fps=30,split=2[p0][p1];[p0]trim=start=0.000:end=12.500,setpts=PTS-STARTPTS"),
                graph);
        assertTrue(graph.contains("[p1]trim=start=12.500:end=45.000"), graph);
        assertTrue(graph.contains("[v0][v1]concat=n=2:v=1:a=0,format=yuv420p[vout]"), graph);
    }

    @Test
    void audioIsNormalisedWithPassOneNumbersThenFaded() {
        String line = String.join(" ", RenderArgs.render(FFMPEG, center(), MEASURED));
        assertTrue(line.contains("[0:a]loudnorm=I=-14:TP=-1:LRA=11:measured_I=-27.50:measured_TP=-9.20"
                + ":measured_LRA=6.10:measured_thresh=-38.00:offset=0.30:linear=true,aresample=48000,aformat=channel_layouts=stereo,"
                + "afade=t=in:st=0:d=0.050,afade=t=out:st=44.950:d=0.050[aout]"), line);
        List<String> pass1 = RenderArgs.measure(FFMPEG, center());
        String p1 = String.join(" ", pass1);
        assertTrue(p1.contains("-ss 3600.500 -i talk.mp4"), p1);
        assertTrue(p1.contains("-af loudnorm=I=-14:TP=-1:LRA=11:print_format=json -f null -"), p1);
    }

    @Test
    void silentSourceHasNoAudioMap() {
        RenderJob silent = new RenderJob(Path.of("a.mp4"), Duration.ZERO, Duration.ofSeconds(5), 640, 360, false,
                Aspect.PORTRAIT, List.of(Scene.of(Duration.ZERO, Duration.ofSeconds(5), ReframeMode.FIT)),
                Optional.empty(), EncodeSettings.DEFAULTS, Path.of("a.clip.mp4"));
        List<String> args = RenderArgs.render(FFMPEG, silent, null);
        assertTrue(!args.contains("[aout]") && !args.contains("-c:a"), args.toString());
    }

    @Test
    void captionsAreBurnedInAfterReframingWithAnEscapedPath() {
        RenderJob j = new RenderJob(Path.of("talk.mp4"), Duration.ZERO, Duration.ofSeconds(5), 1920, 1080, true,
                Aspect.PORTRAIT, List.of(Scene.of(Duration.ZERO, Duration.ofSeconds(5), ReframeMode.CENTER)),
                Optional.of(new RenderJob.BurnIn(Path.of("/tmp/my clips/c:1.ass"), Path.of("/fonts"))),
                EncodeSettings.DEFAULTS, Path.of("c.mp4"));
        String graph = graph(j);
        assertTrue(graph.contains("[v0]ass=filename='/tmp/my clips/c\\:1.ass':fontsdir='/fonts',format=yuv420p[vout]"),
                graph);
    }

    @Test
    void dryRunPlaceholdersStandForPassOne() {
        String line = RenderArgs.shell(RenderArgs.render(FFMPEG, center(), null));
        assertTrue(line.contains("measured_I=$I"), line);
        assertTrue(line.startsWith("/usr/bin/ffmpeg -hide_banner"), line);
    }

    @Test
    void aClipOffTheLoudnessTargetGetsANoteAndOneOnItDoesNot() {
        Loudness quiet = new Loudness(-38.0, -16.7, 0, -48.0, 23.4);
        assertEquals(Optional.empty(), AudioChain.shortfall(null, null), "no audio stream: nothing to say");
        assertEquals(Optional.empty(), AudioChain.shortfall(MEASURED, new Loudness(-14.4, -1.2, 5, -24, 0)),
                "within 0.5 LU of the target");
        assertEquals(Optional.of("The audio measures -21.0 LUFS, not the -14 LUFS target: the source is nearly"
                + " silent (-38.0 LUFS) with peaks at -16.7 dBTP, too quiet to raise further without clipping them;"
                + " boost or re-record the sound, or expect the platforms to play it quietly."),
                AudioChain.shortfall(quiet, new Loudness(-21.0, -1.0, 0, -31, 0)));
        assertTrue(AudioChain.shortfall(new Loudness(-99, -99, 0, -70, 99), null).orElseThrow()
                .startsWith("The audio is silent in this clip (below -70 LUFS), so it was left as it is"));
    }

    /**
     * Dogfood G7: narration at −20.0 LUFS with peaks at −1.1 dBTP came out at −15.5 LUFS (true peak −4.0) and said
     * nothing: loudnorm's second pass fell back to its dynamic mode. Such a pass is now checked and the gain it left
     * short added after it, up to the true-peak ceiling; a clip still more than 0.5 LU short says why.
     */
    @Test
    void aDynamicLoudnormPassStoppedShortOfTheTargetSilently_nowTheGainItLeftIsAddedOrANoteSaysWhyNot() {
        Loudness narration = new Loudness(-20.02, -1.10, 1.5, -30.29, 2.09);
        assertEquals(1.57, AudioChain.gain(new Loudness(-15.57, -4.0, 1.3, -25.8, 1.57)), 1e-9,
                "the dynamic pass's -15.57 LUFS / -4.0 dBTP: +1.57 dB lands on -14 with the peaks at -2.4");
        assertEquals(0.5, AudioChain.gain(new Loudness(-17.0, -1.5, 1.3, -27, 0)), 1e-9, "as far as the peaks allow");
        assertEquals(-0.3, AudioChain.gain(new Loudness(-14.1, -0.7, 1.3, -24, 0)), 1e-9, "a peak over the ceiling");
        assertEquals(0, AudioChain.gain(new Loudness(-70, -99, 0, -80, 0)), "silence (ebur128: -70) stays silence");
        String line = String.join(" ", RenderArgs.render(FFMPEG, center(), narration, 1.57));
        assertTrue(line.contains(":linear=true,aresample=48000,volume=1.57dB,aformat=channel_layouts=stereo,afade"),
                line);
        String check = String.join(" ", RenderArgs.check(FFMPEG, center(), narration));
        assertTrue(check.contains("-ss 3600.500 -i talk.mp4 -t 45.000 -map 0:a:0 -vn -sn -af loudnorm=I=-14:TP=-1"
                + ":LRA=11:measured_I=-20.02:measured_TP=-1.10:measured_LRA=1.50:measured_thresh=-30.29:offset=2.09"
                + ":linear=true,aresample=48000,aformat=channel_layouts=stereo,afade=t=in:st=0:d=0.050,afade=t=out"
                + ":st=44.950:d=0.050,ebur128=peak=true -f null -"), check);
        assertEquals(Optional.of("The audio measures -15.2 LUFS, not the -14 LUFS target: its peaks reach -1.0 dBTP"
                + " (the source: -20.0 LUFS, peaks at -1.1 dBTP), so it cannot be raised further without clipping"
                + " them; compress or limit the sound before rendering, or expect the platforms to play it a little"
                + " quieter."), AudioChain.shortfall(narration, new Loudness(-15.2, -1.0, 1.3, -25, 0)));
    }

    @Test
    void parsesTheEbur128Summary() {
        String log = "[Parsed_ebur128_0 @ 0x56] t: 22.6  TARGET:-23 LUFS  M: -22.8 S: -16.1  I: -15.5 LUFS\n"
                + "[Parsed_ebur128_0 @ 0x56] Summary:\n\n  Integrated loudness:\n    I:         -15.5 LUFS\n"
                + "    Threshold: -25.7 LUFS\n\n  Loudness range:\n    LRA:         1.3 LU\n"
                + "    Threshold: -35.8 LUFS\n    LRA low:   -16.5 LUFS\n    LRA high:  -15.2 LUFS\n\n"
                + "  True peak:\n    Peak:       -4.0 dBFS\n";
        assertEquals(new Loudness(-15.5, -4.0, 1.3, -25.7, 0), Loudness.parseSummary(log, "x"));
        assertTrue(Loudness.parseSummary(log.replace("-15.5 LUFS\n    Thr", "-70.0 LUFS\n    Thr")
                .replace("-4.0 dBFS", "-inf dBFS"), "x").silent());
        assertTrue(assertThrows(TaglineException.class, () -> Loudness.parseSummary("nothing", "clip 3 of talk.mp4"))
                .getMessage().contains("clip 3 of talk.mp4"));
    }

    @Test
    void parsesLoudnormJson() {
        String log = "[Parsed_loudnorm_0 @ 0x55] \n{\n\t\"input_i\" : \"-23.54\",\n\t\"input_tp\" : \"-7.12\",\n"
                + "\t\"input_lra\" : \"3.40\",\n\t\"input_thresh\" : \"-33.90\",\n\t\"output_i\" : \"-14.2\",\n"
                + "\t\"normalization_type\" : \"dynamic\",\n\t\"target_offset\" : \"0.12\"\n}\n";
        assertEquals(new Loudness(-23.54, -7.12, 3.40, -33.90, 0.12), Loudness.parse(log, "x"));
        Loudness silent = Loudness.parse(log.replace("-23.54", "-inf"), "x");
        assertTrue(silent.silent());
        assertTrue(assertThrows(TaglineException.class, () -> Loudness.parse("nothing", "clip 3 of talk.mp4"))
                .getMessage().contains("clip 3 of talk.mp4"));
    }

    private static String graph(RenderJob job) {
        List<String> args = RenderArgs.render(FFMPEG, job, MEASURED);
        String all = args.get(args.indexOf("-filter_complex") + 1);
        int audio = all.indexOf(";[0:a]");
        return audio < 0 ? all : all.substring(0, audio);
    }
}
