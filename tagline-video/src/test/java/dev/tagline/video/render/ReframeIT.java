package dev.tagline.video.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tagline.core.manifest.ClipCandidate;
import dev.tagline.core.manifest.ClipManifest;
import dev.tagline.core.process.ProcessRunner;
import dev.tagline.inference.TestModels;
import dev.tagline.inference.faces.FaceDetector;
import dev.tagline.inference.faces.FaceSettings;
import dev.tagline.video.TestMedia;
import dev.tagline.video.copy.HeuristicCopywriter;
import dev.tagline.video.ffmpeg.Ffmpeg;
import dev.tagline.video.ffmpeg.MediaInfo;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reframing on generated videos with a real face photo (shared/data/photos) and the real BlazeFace model. */
class ReframeIT {
    static FaceDetector detector;
    static FaceFinder faces;

    @TempDir
    Path dir;

    @BeforeAll
    static void open() {
        detector = TestModels.faces(FaceSettings.DEFAULTS);
        faces = FaceFinder.of(detector);
    }

    @Test
    void theCropFollowsAFaceMovingAcrossTheFrame() {
        Path photo = TestMedia.sharedData("photos").resolve("obama.jpg");
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        // obama.jpg 910×1137 scaled to 240×300; the face moves right at 25 px/s
        Path source = TestMedia.make(ffmpeg, dir.resolve("walk.mp4"), "-f", "lavfi", "-i",
                "color=c=0x406080:s=640x360:r=30:d=6", "-loop", "1", "-i", photo.toString(), "-f", "lavfi", "-i",
                "sine=d=6", "-filter_complex", "[1:v]scale=240:300[p];[0:v][p]overlay=x='40+25*t':y=30:shortest=1[v]",
                "-map", "[v]", "-map", "2:a", "-t", "6", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt",
                "yuv420p", "-c:a", "aac");
        Path still = TestMedia.make(ffmpeg, dir.resolve("photo.png"), "-i", photo.toString(), "-vf", "scale=240:300");
        double faceInPhoto = faces.find(image(ffmpeg, still, 240, 300)).get(0).centreX();
        RenderJob job = ClipRendererIT.job(source, ffmpeg.probe(source), 0, 6, Aspect.PORTRAIT, ReframeMode.CENTER,
                dir.resolve("track.mp4"));
        List<Scene> scenes = new ClipAnalyser(ffmpeg, faces).scenes(job, null);
        assertEquals(List.of(ReframeMode.TRACK), scenes.stream().map(Scene::mode).toList());
        CropPath path = scenes.get(0).cropPath();
        double crop = SceneFilters.cropSize(640, 360, 1080, 1920).width();
        for (double t = 0.2; t < 6; t += 0.2) {
            double face = 40 + 25 * t + faceInPhoto;
            double centre = path.xAt(Duration.ofMillis(Math.round(t * 1000))) + crop / 2;
            assertTrue(Math.abs(face - centre) <= DeadZoneCamera.DEAD_ZONE * crop + 6,
                    "t=" + t + ": face " + face + ", crop centre " + centre);
        }
        new ClipRenderer(ffmpeg, new ProcessRunner(), Duration.ofMinutes(2)).render(new RenderJob(job.source(),
                job.start(), job.end(), 640, 360, true, Aspect.PORTRAIT, scenes, Optional.empty(),
                ClipRendererIT.FAST, job.output()));
        for (double t : new double[] {1, 3, 5.5}) {
            BufferedImage frame = image(ffmpeg, frameAt(ffmpeg, job.output(), t), 270, 480);
            List<Rect> seen = faces.find(frame);
            assertFalse(seen.isEmpty(), "a face in the rendered frame at " + t + " s");
            assertTrue(Math.abs(seen.get(0).centreX() - 135) <= DeadZoneCamera.DEAD_ZONE * 270 + 8,
                    "rendered face centre " + seen.get(0).centreX() + " of 270 at " + t + " s");
        }
    }

    @Test
    void aScreenRecordingWithAFaceInsetIsStacked() {
        Path photo = TestMedia.sharedData("photos").resolve("obama.jpg");
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        StringBuilder slide = new StringBuilder("[0:v]");
        for (int y = 30; y < 330; y += 24) {
            slide.append("drawbox=x=24:y=").append(y).append(":w=").append(300 + (y * 7) % 120)
                    .append(":h=10:c=black:t=fill,");
        }
        slide.append("drawbox=x=16:y=16:w=440:h=328:c=0x3060c0:t=3[s];[1:v]scale=144:180[p];[s][p]overlay=x=480:y=170");
        Path source = TestMedia.make(ffmpeg, dir.resolve("screen.mp4"), "-f", "lavfi", "-i",
                "color=c=white:s=640x360:r=30:d=3", "-loop", "1", "-i", photo.toString(), "-f", "lavfi", "-i",
                "sine=d=3", "-filter_complex", slide + ":shortest=1[v]", "-map", "[v]", "-map", "2:a", "-t", "3",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac");
        RenderJob job = ClipRendererIT.job(source, ffmpeg.probe(source), 0, 3, Aspect.PORTRAIT, ReframeMode.CENTER,
                dir.resolve("screen.clip.mp4"));
        List<Scene> scenes = new ClipAnalyser(ffmpeg, faces).scenes(job, null);
        assertEquals(List.of(ReframeMode.SCREENCAST), scenes.stream().map(Scene::mode).toList());
        ScreenLayout layout = scenes.get(0).layout();
        assertTrue(layout.content().x() <= 24 && layout.content().x() + layout.content().width() >= 440,
                "content " + layout.content());
        assertTrue(layout.speaker().x() + layout.speaker().width() > 560, "speaker " + layout.speaker());
        new ClipRenderer(ffmpeg, new ProcessRunner(), Duration.ofMinutes(2)).render(new RenderJob(job.source(),
                job.start(), job.end(), 640, 360, true, Aspect.PORTRAIT, scenes, Optional.empty(),
                ClipRendererIT.FAST, job.output()));
        MediaInfo.VideoStream v = ffmpeg.probe(job.output()).firstVideo().orElseThrow();
        assertEquals(1080, v.width());
        assertEquals(1920, v.height());
        List<Rect> below = faces.find(image(ffmpeg, frameAt(ffmpeg, job.output(), 1.5), 270, 480));
        assertFalse(below.isEmpty(), "the speaker is in the rendered frame");
        assertTrue(below.get(0).centreY() > 240, "the speaker is below the content: " + below.get(0));
    }

    static final String MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";
    /** Where the screencast below types, in its 1280×720 pixels: a word every 0.4 s from 1.0 s. */
    static final int TYPE_X = 720;
    static final int TYPE_Y = 400;
    static final String[] TYPED = {"result", "=", "load(", "config.json", ")", "or", "defaults()"};

    /**
     * A 1280×720 editor (no webcam): a 32 px heading and 24 lines of 11 px code across the width (16 px code at 1080p),
     * still, and, in yellow, a line typed word by word from x = {@value #TYPE_X}.
     */
    Path screencast(Ffmpeg ffmpeg) {
        assumeTrue(Files.isRegularFile(Path.of(MONO)), "skipped: DejaVu Sans Mono (fonts-dejavu-core) is absent");
        StringBuilder g = new StringBuilder("[0:v]drawtext=fontfile=" + MONO
                + ":text='import python json':fontsize=48:fontcolor=white:x=(w-tw)/2:y=12");
        String[] code = {"def load(path) -> dict = return json.loads(open(path).read()) if path else {}  # read it",
            "for key, value in sorted(data.items()) = print(key, value, file=sys.stderr, flush=True)  # dump"};
        for (int i = 0; i < 24; i++) {
            int y = 90 + i * 16;
            if (y >= TYPE_Y - 14 && y <= TYPE_Y + 14) {
                continue;
            }
            g.append(",drawtext=fontfile=").append(MONO).append(":text='").append(code[i % 2])
                    .append("':fontsize=11:fontcolor=0xd4d4d4:x=20:y=").append(y);
        }
        int x = TYPE_X;
        for (int i = 0; i < TYPED.length; i++) {
            g.append(",drawtext=fontfile=").append(MONO).append(":text='").append(TYPED[i])
                    .append("':fontsize=11:fontcolor=0xffe000:x=").append(x).append(":y=").append(TYPE_Y)
                    .append(":enable='gte(t,").append(String.format(java.util.Locale.ROOT, "%.1f", 1.0 + 0.4 * i))
                    .append(")'");
            x += (TYPED[i].length() + 1) * 7;
        }
        g.append("[v]");
        return TestMedia.make(ffmpeg, dir.resolve("editor.mp4"), "-f", "lavfi", "-i",
                "color=c=0x1e1e1e:s=1280x720:r=30:d=5", "-f", "lavfi", "-i", "sine=d=5", "-filter_complex",
                g.toString(), "-map", "[v]", "-map", "1:a", "-t", "5", "-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", "yuv420p", "-c:a", "aac");
    }

    /**
     * Dogfood: a screen recording without a webcam was blur-padded, the whole 1920 px screen shrunk into a 1080 px
     * band (16 px code 9 px tall). Now a full-height window follows the typing, and the typed text comes out more than
     * twice as tall as padded.
     */
    @Test
    void aScreenRecordingWithoutAWebcamIsCroppedOverTheTyping() throws Exception {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path video = screencast(ffmpeg);
        ClipPipeline pipeline = new ClipPipeline(ffmpeg, new ClipRenderer(ffmpeg, new ProcessRunner(),
                Duration.ofMinutes(2)), new ClipAnalyser(ffmpeg, faces), new HeuristicCopywriter(), List.of());
        ClipCandidate clip = new ClipCandidate(1, 0.5, 4.5, 64, new ClipCandidate.SubScores(1, 1, 1, 1, 1), "",
                "Loading a config file.", "Loading a config file.", null);
        RenderOptions auto = new RenderOptions(Aspect.PORTRAIT, Optional.empty(), false, CaptionStyle.BOLD,
                Optional.empty(), ClipRendererIT.FAST);
        ClipPipeline.Source source = pipeline.open(video);
        String plan = String.join("\n", pipeline.plan(source, clip, dir.resolve("dry"), auto));
        assertTrue(plan.contains("crop=w=480:h=720:x=") && plan.contains("max(0,min(800,"),
                "a 480 px window (2/3 of 720) in the dry run: " + plan);
        assertFalse(Files.exists(dir.resolve("dry")), "a dry run writes nothing");

        ClipManifest m = pipeline.render(source, clip, dir.resolve("crop"), auto).manifest();
        assertEquals(List.of("screen-crop"), m.render().scenes().stream().map(ClipManifest.SceneMode::mode).toList());
        RenderJob job = ClipRendererIT.job(video, ffmpeg.probe(video), 0.5, 4.5, Aspect.PORTRAIT, ReframeMode.CENTER,
                dir.resolve("scenes.mp4"));
        Scene scene = new ClipAnalyser(ffmpeg, faces).scenes(job, null).get(0);
        assertEquals(480, scene.cropWidth());
        // each word, once typed (clip time = video time - 0.5), lies inside the window
        int x = TYPE_X;
        for (int i = 0; i < TYPED.length; i++) {
            int x1 = x + TYPED[i].length() * 7;
            double left = scene.cropPath().xAt(Duration.ofMillis(Math.round((0.5 + 0.4 * i + 0.6) * 1000)));
            assertTrue(left <= x && left + 480 >= x1, "word " + i + " at " + x + "-" + x1 + ", window from " + left);
            x += (TYPED[i].length() + 1) * 7;
        }

        RenderOptions pad = new RenderOptions(Aspect.PORTRAIT, Optional.of(ReframeMode.BLUR_PAD), false,
                CaptionStyle.BOLD, Optional.empty(), ClipRendererIT.FAST);
        pipeline.render(source, clip, dir.resolve("pad"), pad);
        int[] cropped = yellowBox(ffmpeg, dir.resolve("crop/editor-001/editor-001.mp4"), 3.8);
        int[] padded = yellowBox(ffmpeg, dir.resolve("pad/editor-001/editor-001.mp4"), 3.8);
        assertTrue(cropped[3] - cropped[1] >= 2 * (padded[3] - padded[1]),
                "typed text " + (cropped[3] - cropped[1] + 1) + " px tall cropped, " + (padded[3] - padded[1] + 1)
                        + " px padded");
        assertTrue(cropped[0] > 0 && cropped[2] < 1079, "the typed line is inside the frame: "
                + Arrays.toString(cropped));
    }

    static final String BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
    /** The slides below: 60 %, 64 % and 15 % of the width wide. */
    static final String[] SLIDES = {"Commit Small and Often", "Rebase Before You Merge", "Recap"};
    /** When each slide starts; the deck ends at 24 s. */
    static final int[] SLIDE_AT = {0, 14, 20, 24};

    /**
     * The dogfood's slide deck (F1, {@code /tmp/dog4/vid/mk.sh}): 1280×720 dark slides, a white 56 px DejaVu Sans Bold
     * title centred at y = 200 and a yellow 36 px "Step N" at y = 400, no webcam, a tone for the narration.
     */
    Path slideDeck(Ffmpeg ffmpeg) {
        assumeTrue(Files.isRegularFile(Path.of(BOLD)), "skipped: DejaVu Sans Bold (fonts-dejavu-core) is absent");
        StringBuilder g = new StringBuilder("[0:v]null");
        for (int i = 0; i < SLIDES.length; i++) {
            String on = ":enable='gte(t," + SLIDE_AT[i] + ")*lt(t," + SLIDE_AT[i + 1] + ")'";
            g.append(",drawtext=fontfile=").append(BOLD).append(":text='").append(SLIDES[i])
                    .append("':fontcolor=white:fontsize=56:x=(w-tw)/2:y=200").append(on)
                    .append(",drawtext=fontfile=").append(BOLD).append(":text='Step ").append(i + 1)
                    .append("':fontcolor=yellow:fontsize=36:x=(w-tw)/2:y=400").append(on);
        }
        return TestMedia.make(ffmpeg, dir.resolve("deck.mp4"), "-f", "lavfi", "-i",
                "color=c=0x203040:s=1280x720:r=25:d=24", "-f", "lavfi", "-i", "sine=f=220:d=24", "-filter_complex",
                g + "[v]", "-map", "[v]", "-map", "1:a", "-t", "24", "-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", "yuv420p", "-c:a", "aac");
    }

    /** The slide on screen at {@code t} seconds of the deck. */
    static int slideAt(double t) {
        int i = 0;
        while (i + 1 < SLIDES.length && t >= SLIDE_AT[i + 1]) {
            i++;
        }
        return i;
    }

    /**
     * Dogfood F1: auto reframing chose screen-crop for a still slide deck, and its 480 px window (⅔ of 720) cut the
     * titles ("mit Small and O", "se Before You M"): the content detector saw no cut at the slide changes, so the clip
     * was one scene, the change counted as the screen being worked on, and the window fell back to ⅔ of the height.
     * Now each slide change is a cut, and every slide is shown whole: padded, or in a window that holds its text.
     */
    @Test
    void slideTitlesWereCutByTheScreenCropWindow_nowEverySlideIsShownWhole() {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path deck = slideDeck(ffmpeg);
        int[][] titles = new int[SLIDES.length][];
        for (int i = 0; i < SLIDES.length; i++) {
            titles[i] = whiteBox(ffmpeg, deck, (SLIDE_AT[i] + SLIDE_AT[i + 1]) / 2.0, 1280);
        }
        // as the dogfood's clip 2: mostly on the 60 % slide, then the 64 % one (and a short title): changes at 12, 18 s
        double from = 2;
        RenderJob job = ClipRendererIT.job(deck, ffmpeg.probe(deck), from, 23, Aspect.PORTRAIT, ReframeMode.CENTER,
                dir.resolve("deck.clip.mp4"));
        List<Scene> scenes = new ClipAnalyser(ffmpeg, faces).scenes(job, null);
        for (Scene scene : scenes) {
            for (long ms = scene.start().toMillis(); ms < scene.end().toMillis(); ms += 100) {
                double t = ms / 1000.0;
                if (Math.abs(t - 12) < 0.15 || Math.abs(t - 18) < 0.15) {
                    continue; // the slide change itself: within one analysis frame (0.1 s)
                }
                int[] title = titles[slideAt(t + from)];
                assertTrue(List.of(ReframeMode.BLUR_PAD, ReframeMode.FIT, ReframeMode.SCREEN_CROP)
                        .contains(scene.mode()), "a still slide is padded or cropped round its text: " + scene);
                if (scene.mode() == ReframeMode.SCREEN_CROP) {
                    double left = scene.cropPath().xAt(Duration.ofMillis(ms).minus(scene.start()));
                    assertTrue(left <= title[0] && left + scene.cropWidth() > title[2], "at " + t + " s the title "
                            + title[0] + "–" + title[2] + " lies in the window " + left + "+" + scene.cropWidth()
                            + ": " + scenes);
                }
            }
        }
        new ClipRenderer(ffmpeg, new ProcessRunner(), Duration.ofMinutes(2)).render(new RenderJob(job.source(),
                job.start(), job.end(), 1280, 720, true, Aspect.PORTRAIT, scenes, Optional.empty(),
                ClipRendererIT.FAST, job.output()));
        for (double t : new double[] {1, 6, 11.7, 12.3, 15, 18.3, 20}) {
            int[] source = titles[slideAt(t + from)];
            int[] shown = whiteBox(ffmpeg, job.output(), t, 1080);
            double ratio = (double) (shown[2] - shown[0] + 1) / (shown[3] - shown[1] + 1);
            double whole = (double) (source[2] - source[0] + 1) / (source[3] - source[1] + 1);
            assertTrue(shown[0] > 2 && shown[2] < 1077 && Math.abs(ratio / whole - 1) < 0.1, String.format(
                    java.util.Locale.ROOT, "at %.1f s the title is shown whole: %s in the clip (%.2f wide per tall),"
                    + " %s in the slide (%.2f)", t, Arrays.toString(shown), ratio, Arrays.toString(source), whole));
        }
        for (double change : new double[] {12, 18}) {
            assertTrue(scenes.stream().anyMatch(s -> Math.abs(s.start().toMillis() / 1000.0 - change) <= 0.15),
                    "a cut at the slide change at " + change + " s: " + scenes);
        }
    }

    /** The box {x0, y0, x1, y1} of the white (title) pixels in the frame at {@code t} of a {@code w} px wide video. */
    static int[] whiteBox(Ffmpeg ffmpeg, Path video, double t, int w) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ffmpeg.stream(ffmpeg.command().seek(Duration.ofMillis(Math.round(t * 1000))).input(video)
                .option("-frames:v", "1", "-pix_fmt", "rgb24", "-f", "rawvideo").output("pipe:1").build(), video,
                "reading", in -> in.transferTo(bytes));
        byte[] rgb = bytes.toByteArray();
        int[] box = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
        for (int i = 0; i + 2 < rgb.length; i += 3) {
            if ((rgb[i] & 0xff) > 200 && (rgb[i + 1] & 0xff) > 200 && (rgb[i + 2] & 0xff) > 200) {
                box[0] = Math.min(box[0], (i / 3) % w);
                box[1] = Math.min(box[1], (i / 3) / w);
                box[2] = Math.max(box[2], (i / 3) % w);
                box[3] = Math.max(box[3], (i / 3) / w);
            }
        }
        assertTrue(box[2] >= 0, "a white title in the frame at " + t + " s of " + video);
        return box;
    }

    /** Dogfood: blur-pad's background showed the screen's heading enlarged and readable ("ython"). */
    @Test
    void blurPadHidesTheScreensTextInTheBackground() {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path video = screencast(ffmpeg);
        RenderJob job = ClipRendererIT.job(video, ffmpeg.probe(video), 0.5, 2.5, Aspect.PORTRAIT,
                ReframeMode.BLUR_PAD, dir.resolve("pad.mp4"));
        new ClipRenderer(ffmpeg, new ProcessRunner(), Duration.ofMinutes(2)).render(job);
        int[] luma = gray(ffmpeg, job.output(), 1.5);
        // the padding above the 1080×608 picture: rows 0–640; the heading's ghost would sit there
        List<Integer> steps = new ArrayList<>();
        for (int y = 0; y < 640; y += 3) {
            for (int x = 0; x + 24 < 1080; x += 3) {
                steps.add(Math.abs(luma[y * 1080 + x] - luma[y * 1080 + x + 24]));
            }
        }
        steps.sort(null);
        int p99 = steps.get((int) (steps.size() * 0.99));
        assertTrue(p99 <= 8, "letter-sized contrast in the padding: " + p99 + " levels (sigma 12 gave 85)");
    }

    /** The rendered frame at {@code t} at 1080×1920, luma. */
    static int[] gray(Ffmpeg ffmpeg, Path video, double t) {
        return pixels(ffmpeg, video, t, "gray");
    }

    /** The rendered frame at {@code t} in {@code pixelFormat} ({@code gray}, {@code rgb24}), one int per byte. */
    static int[] pixels(Ffmpeg ffmpeg, Path video, double t, String pixelFormat) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ffmpeg.stream(ffmpeg.command().seek(Duration.ofMillis(Math.round(t * 1000))).input(video)
                .option("-frames:v", "1", "-pix_fmt", pixelFormat, "-f", "rawvideo").output("pipe:1").build(), video,
                "reading", in -> in.transferTo(bytes));
        byte[] b = bytes.toByteArray();
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[i] & 0xff;
        }
        return out;
    }

    /** The box {x0, y0, x1, y1} of the typed (yellow) text in the rendered frame at {@code t}. */
    static int[] yellowBox(Ffmpeg ffmpeg, Path video, double t) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ffmpeg.stream(ffmpeg.command().seek(Duration.ofMillis(Math.round(t * 1000))).input(video)
                .option("-frames:v", "1", "-pix_fmt", "rgb24", "-f", "rawvideo").output("pipe:1").build(), video,
                "reading", in -> in.transferTo(bytes));
        byte[] rgb = bytes.toByteArray();
        int[] box = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
        for (int i = 0; i + 2 < rgb.length; i += 3) {
            int r = rgb[i] & 0xff;
            int g = rgb[i + 1] & 0xff;
            int b = rgb[i + 2] & 0xff;
            if (r > 170 && g > 150 && b < 110) {
                int x = (i / 3) % 1080;
                int y = (i / 3) / 1080;
                box[0] = Math.min(box[0], x);
                box[1] = Math.min(box[1], y);
                box[2] = Math.max(box[2], x);
                box[3] = Math.max(box[3], y);
            }
        }
        assertTrue(box[2] >= 0, "the typed text is in the rendered frame of " + video);
        return box;
    }

    static Path frameAt(Ffmpeg ffmpeg, Path video, double t) {
        Path png = video.resolveSibling(video.getFileName() + "-" + (int) (t * 1000) + ".png");
        return TestMedia.make(ffmpeg, png, "-ss", String.valueOf(t), "-i", video.toString(), "-frames:v", "1",
                "-vf", "scale=270:480", "-update", "1");
    }

    static BufferedImage image(Ffmpeg ffmpeg, Path picture, int w, int h) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ffmpeg.stream(ffmpeg.command().input(picture).option("-vf", "scale=" + w + ":" + h, "-pix_fmt", "rgb24",
                "-f", "rawvideo").output("pipe:1").build(), picture, "reading", in -> in.transferTo(bytes));
        return ClipAnalyser.image(bytes.toByteArray(), w, h);
    }
}
