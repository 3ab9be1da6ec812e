package dev.tagline.video.render;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tagline.core.process.ProcessRunner;
import dev.tagline.video.TestMedia;
import dev.tagline.video.ffmpeg.Ffmpeg;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** blur-pad's background seen as a feed shows it: the whole 9:16 clip about 200 px wide. */
class BlurPadIT {
    static final String BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
    /** The thumbnail: 1080×1920 scaled to 200×356. */
    static final int THUMB_W = 200;
    static final int THUMB_H = 356;
    /** The padding above the 1080×608 picture (output rows 0–655) at thumbnail scale, less the scaler's reach. */
    static final int BAND_ROWS = 112;
    /** The slide's rows behind that padding (the top 246 of 720) plus the blur's reach: its top half. */
    static final int SLIDE_ROWS_BEHIND = 360;

    @TempDir
    Path dir;

    /**
     * Dogfood: a slide's 150–160 px title left word-shaped blobs in the blurred background ("Reb", "Big O"), legible
     * at thumbnail size as doubled text. The measure is the luma range along each row of the padding at 200 px wide
     * (the brightest blob against the darkest gap at the same height; a flat band or a top-to-bottom gradient is 0),
     * the largest over the rows. Measured on the navy/white slides: 75/82 levels with σ 64 in one pass at ¼ size
     * (the letters readable); in four passes at 1/30 size 37/38 with σ 120 ("Big" and "O" two blobs), 23 with σ 180
     * (still two blobs, faint), 16 with σ 240 (the words merged into one smudge), 11 with σ 300 and 10/9 with σ 360,
     * the fix. So at most 16.
     */
    @Test
    void aLargeTitleLeavesNoWordShapesInTheBackgroundAtThumbnailSize() {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        assumeTrue(Files.isRegularFile(Path.of(BOLD)), "skipped: DejaVu Sans Bold (fonts-dejavu-core) is absent");
        Path navy = slide(ffmpeg, "navy", "0x1c2541", "white", "Git Rebase", 150);
        Path white = slide(ffmpeg, "white", "white", "0x202020", "Big O", 160);
        assertAll(() -> check(ffmpeg, "navy", navy), () -> check(ffmpeg, "white", white));
    }

    private void check(Ffmpeg ffmpeg, String name, Path slide) {
        RenderJob job = ClipRendererIT.job(slide, ffmpeg.probe(slide), 0.5, 1.5, Aspect.PORTRAIT,
                ReframeMode.BLUR_PAD, dir.resolve(name + "-pad.mp4"));
        new ClipRenderer(ffmpeg, new ProcessRunner(), Duration.ofMinutes(2)).render(job);
        int[] rgb = rgb(ffmpeg, job.output(), 0.5, "scale=" + THUMB_W + ":" + THUMB_H);
        int range = 0;
        for (int y = 0; y < BAND_ROWS; y++) {
            int min = 255;
            int max = 0;
            for (int x = 0; x < THUMB_W; x++) {
                int i = (y * THUMB_W + x) * 3;
                int luma = (int) Math.round(0.2126 * rgb[i] + 0.7152 * rgb[i + 1] + 0.0722 * rgb[i + 2]);
                min = Math.min(min, luma);
                max = Math.max(max, luma);
            }
            range = Math.max(range, max - min);
        }
        assertTrue(range <= 16, name + " slide: luma range along a row of the padding at 200 px wide " + range
                + " levels (two word blobs showed at 23; σ 64 gave 75–82)");
        // the padding still looks like the video: the slide's colour behind it, darkened (navy 28,32,45 against
        // 33,36,48; white 106 against 108), not a flat grey (one of the navy's brightness is 15 off in blue)
        double[] band = mean(rgb, THUMB_W, 0, BAND_ROWS);
        int shownW = (int) Math.round(720 * 9 / 16.0) & ~1;
        double[] behind = mean(rgb(ffmpeg, slide, 1.0, "crop=" + shownW + ":" + SLIDE_ROWS_BEHIND + ":"
                + (1280 - shownW) / 2 + ":0"), shownW, 0, SLIDE_ROWS_BEHIND);
        for (int c = 0; c < 3; c++) {
            assertTrue(Math.abs(band[c] - darkened(behind)[c]) <= 8, String.format(Locale.ROOT,
                    "%s slide: the padding's mean colour %s, the slide's behind it darkened %s", name,
                    Arrays.toString(round(band)), Arrays.toString(round(darkened(behind)))));
        }
    }

    /** A 1280×720 slide: a bold title near the top (where slides put it) and a subtitle line, 2 s. */
    private Path slide(Ffmpeg ffmpeg, String name, String background, String ink, String title, int size) {
        String graph = "drawtext=fontfile=" + BOLD + ":text='" + title + "':fontsize=" + size + ":fontcolor=" + ink
                + ":x=(w-tw)/2:y=60,drawtext=fontfile=" + BOLD + ":text='three steps, no lost commits':fontsize=40"
                + ":fontcolor=" + ink + ":x=(w-tw)/2:y=320";
        return TestMedia.make(ffmpeg, dir.resolve(name + ".mp4"), "-f", "lavfi", "-i", "color=c=" + background
                + ":s=1280x720:r=30:d=2", "-vf", graph, "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt",
                "yuv420p");
    }

    /** One frame of {@code video} at {@code t} through {@code filter}, as RGB values. */
    private static int[] rgb(Ffmpeg ffmpeg, Path video, double t, String filter) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ffmpeg.stream(ffmpeg.command().seek(Duration.ofMillis(Math.round(t * 1000))).input(video)
                .option("-frames:v", "1", "-vf", filter, "-pix_fmt", "rgb24", "-f", "rawvideo").output("pipe:1")
                .build(), video, "reading", in -> in.transferTo(bytes));
        byte[] b = bytes.toByteArray();
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[i] & 0xff;
        }
        return out;
    }

    private static double[] mean(int[] rgb, int width, int fromRow, int toRow) {
        double[] sum = new double[3];
        for (int i = fromRow * width * 3; i < toRow * width * 3; i++) {
            sum[i % 3] += rgb[i];
        }
        int n = (toRow - fromRow) * width;
        return new double[] {sum[0] / n, sum[1] / n, sum[2] / n};
    }

    private static double[] darkened(double[] rgb) {
        return Arrays.stream(rgb).map(v -> v * SceneFilters.BACKGROUND_BRIGHTNESS).toArray();
    }

    private static long[] round(double[] v) {
        return Arrays.stream(v).mapToLong(Math::round).toArray();
    }
}
