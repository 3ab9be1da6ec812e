package dev.tagline.video.highlight;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.progress.Progress;
import dev.tagline.video.TestMedia;
import dev.tagline.video.ffmpeg.Ffmpeg;
import dev.tagline.video.ffmpeg.MediaInfo;
import dev.tagline.video.signal.DecodeOptions;
import dev.tagline.video.signal.ScreenTextReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The picture analysed in parallel stretches gives what one pass over it gives. */
class SignalPassIT {
    @TempDir
    Path dir;

    /**
     * "Colour U V": the mean chroma of the frame's top left corner in steps of 4, which jumps at the cuts of the
     * video (hue jumps) and stays within a scene.
     */
    private static final ScreenTextReader HUE = frame -> {
        byte[] yuv = frame.yuv420().orElseThrow();
        int luma = frame.width() * frame.height();
        int half = frame.width() / 2;
        long u = 0;
        long v = 0;
        int n = 0;
        for (int y = 0; y < frame.height() / 8; y++) {
            for (int x = 0; x < half / 4; x++, n++) {
                u += yuv[luma + y * half + x] & 0xff;
                v += yuv[luma + luma / 4 + y * half + x] & 0xff;
            }
        }
        return List.of("Colour " + u / n / 4 + " " + v / n / 4);
    };

    @Test
    void stretchesJoinIntoTheCutsMotionAndTextChangesOfOnePass() {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        // moving pattern with a hard cut (hue jump) every 4.7 s, so cuts fall near and inside every warm-up
        Path video = TestMedia.make(ffmpeg, dir.resolve("cuts.mp4"), "-f", "lavfi", "-i",
                "testsrc2=s=320x180:r=25:d=50,hue=H=2*PI*floor(t/4.7)/7", "-f", "lavfi", "-i", "sine=f=300:d=50",
                "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest");
        MediaInfo media = ffmpeg.probe(video);
        SignalPass one = SignalPass.run(ffmpeg, Progress.Factory.NONE, media, DecodeOptions.DEFAULT,
                Optional.empty(), Optional.of(HUE), List.of(Duration.ZERO));
        assertTrue(one.cuts().size() >= 8, one.cuts().toString());
        assertTrue(one.textChanges().orElseThrow().size() >= 6, one.textChanges().toString());
        for (List<Duration> starts : List.of(List.of(Duration.ZERO, Duration.ofSeconds(25)),
                List.of(Duration.ZERO, Duration.ofSeconds(14), Duration.ofSeconds(28), Duration.ofSeconds(38)))) {
            LastPosition progress = new LastPosition();
            SignalPass parts = SignalPass.run(ffmpeg, progress, media, DecodeOptions.DEFAULT, Optional.empty(),
                    Optional.of(HUE), starts);
            assertEquals(one.cuts(), parts.cuts(), "cuts with stretches from " + starts);
            assertArrayEquals(one.motion().values(), parts.motion().values(), "motion with stretches from " + starts);
            assertEquals(one.textChanges(), parts.textChanges(), "text changes with stretches from " + starts);
            assertEquals(one.loudness().shortTerm().values().length, parts.loudness().shortTerm().values().length);
            assertEquals(one.pauses().pauses(), parts.pauses().pauses());
            assertTrue(progress.get() >= 49, "progress reaches the end: " + progress.get());
        }
    }
}
