package dev.tagline.video.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tagline.core.process.ProcessRunner;
import dev.tagline.video.TestMedia;
import dev.tagline.video.ffmpeg.Ffmpeg;
import dev.tagline.video.transcript.Word;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptionsIT {
    static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu");
    static final int W = 108;
    static final int H = 192;

    @TempDir
    Path dir;

    @Test
    void burnedInCaptionsAppearWithTheWordsAndStayClearOfThePlatformUi() throws Exception {
        assumeTrue(Files.isDirectory(DEJAVU), "skipped: DejaVu fonts are absent; apt-get install fonts-dejavu-core");
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path source = TestMedia.make(ffmpeg, dir.resolve("black.mp4"), "-f", "lavfi", "-i",
                "color=c=black:s=640x360:r=30:d=3", "-f", "lavfi", "-i", "anullsrc=r=48000:cl=stereo", "-t", "3",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac");
        List<Word> words = List.of(CaptionsTest.w(1.0, 1.4, "Make"), CaptionsTest.w(1.45, 1.6, "every"),
                CaptionsTest.w(1.7, 2.1, "second"), CaptionsTest.w(2.1, 2.4, "count"));
        CaptionLayout layout = CaptionLayout.of(1080, 1920);
        Path ass = Files.writeString(dir.resolve("clip.ass"), AssCaptions.write(
                CaptionPhrases.phrases(words, layout.maxChars()), CaptionStyle.BOLD, layout));
        Path out = dir.resolve("clip.mp4");
        new ClipRenderer(ffmpeg, new ProcessRunner(), Duration.ofMinutes(2)).render(new RenderJob(source,
                Duration.ZERO, Duration.ofSeconds(3), 640, 360, true, Aspect.PORTRAIT,
                List.of(Scene.of(Duration.ZERO, Duration.ofSeconds(3), ReframeMode.CENTER)),
                Optional.of(new RenderJob.BurnIn(ass, DEJAVU)), ClipRendererIT.FAST, out));
        int[] before = bright(frame(ffmpeg, out, 0.5));
        int[] during = bright(frame(ffmpeg, out, 1.5));
        int[] after = bright(frame(ffmpeg, out, 2.8));
        assertEquals(0, before[0], "nothing on screen before the first word");
        assertEquals(0, after[0], "nothing after the last word");
        assertTrue(during[0] > 20, "caption pixels while the words are spoken: " + during[0]);
        assertEquals(0, during[1], "no caption pixel in the bottom 15 %");
        assertEquals(0, during[2], "no caption pixel in the right-side rail");
    }

    private static byte[] frame(Ffmpeg ffmpeg, Path video, double at) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ffmpeg.stream(ffmpeg.command().seek(Duration.ofMillis(Math.round(at * 1000))).input(video)
                .option("-frames:v", "1", "-vf", "scale=" + W + ":" + H + ":flags=area,format=gray", "-f", "rawvideo")
                .output("pipe:1").build(), video, "reading a frame of", in -> in.transferTo(bytes));
        return bytes.toByteArray();
    }

    /** Bright pixels: anywhere, in the bottom 15 %, in the right 12 % (the action rail). */
    private static int[] bright(byte[] gray) {
        int[] n = new int[3];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                if ((gray[y * W + x] & 0xff) > 100) {
                    n[0]++;
                    n[1] += y >= H * 0.85 ? 1 : 0;
                    n[2] += x >= W * 0.88 ? 1 : 0;
                }
            }
        }
        return n;
    }
}
