package dev.tagline.video.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.video.TestMedia;
import dev.tagline.video.ffmpeg.Ffmpeg;
import dev.tagline.video.ffmpeg.MediaInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecodingPassIT {
    @TempDir
    Path dir;

    static final class Counting implements SignalAnalyser {
        long samples;
        long frames;
        Duration lastAudioEnd = Duration.ZERO;
        Duration lastFrame = Duration.ZERO;
        VideoFrame first;
        Duration finished;

        @Override
        public void onAudio(AudioBlock block) {
            assertEquals(lastAudioEnd.toMillis(), block.start().toMillis(), "audio blocks are contiguous");
            samples += block.samples().length;
            lastAudioEnd = block.end();
        }

        @Override
        public void onFrame(VideoFrame frame) {
            assertEquals(frames, frame.index());
            first = first == null ? frame : first;
            frames++;
            lastFrame = frame.time();
        }

        @Override
        public void finish(Duration end) {
            finished = end;
        }
    }

    @Test
    void oneAudioStreamAndOneFrameStreamInTimeOrder() {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path video = TestMedia.colourScenes(ffmpeg, dir.resolve("scenes.mp4"), 25, new String[] {"red", "blue"},
                new double[] {2, 2});
        MediaInfo info = ffmpeg.probe(video);
        Counting counting = new Counting();
        DecodingPass.Summary summary = new DecodingPass(ffmpeg, DecodeOptions.DEFAULT).run(info, List.of(counting));
        assertEquals(100, counting.frames, "4 s at 25 fps");
        assertEquals(4 * 16_000, counting.samples, 16_000 * 0.1);
        assertEquals(256, counting.first.width());
        assertEquals(144, counting.first.height(), "320x180 scaled to 256 wide keeps 16:9");
        int red = counting.first.rgb()[0] & 0xff;
        assertTrue(red > 200, "first frame is red, R=" + red);
        assertEquals(3.96, counting.lastFrame.toMillis() / 1000.0, 1e-3);
        assertEquals(summary.end(), counting.finished);
    }

    @Test
    void videoWithoutSoundFeedsFramesOnly() {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path video = TestMedia.make(ffmpeg, dir.resolve("silent.mp4"), "-f", "lavfi", "-i",
                "testsrc=d=2:s=320x240:r=10", "-c:v", "libx264");
        Counting counting = new Counting();
        DecodingPass.Summary summary = new DecodingPass(ffmpeg, DecodeOptions.DEFAULT)
                .run(ffmpeg.probe(video), List.of(counting));
        assertEquals(20, counting.frames);
        assertEquals(0, counting.samples);
        assertEquals(Duration.ofSeconds(2), summary.end());
    }

    @Test
    void anAnalyserFailureStopsFfmpegAndIsRethrown() {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path video = TestMedia.colourScenes(ffmpeg, dir.resolve("long.mp4"), 25, new String[] {"red"},
                new double[] {30});
        IllegalStateException boom = new IllegalStateException("boom");
        SignalAnalyser failing = new SignalAnalyser() {
            @Override
            public void onFrame(VideoFrame frame) {
                if (frame.index() == 3) {
                    throw boom;
                }
            }
        };
        long start = System.nanoTime();
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> new DecodingPass(ffmpeg, DecodeOptions.DEFAULT).run(ffmpeg.probe(video), List.of(failing)));
        assertSame(boom, thrown);
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "stopped promptly");
    }
}
