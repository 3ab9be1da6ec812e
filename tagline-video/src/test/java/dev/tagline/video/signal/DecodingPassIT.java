package dev.tagline.video.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.TaglineException;
import dev.tagline.video.TestMedia;
import dev.tagline.video.ffmpeg.Ffmpeg;
import dev.tagline.video.ffmpeg.MediaInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
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

    /** Keeps every frame's bytes by index. */
    static final class Keeping implements SignalAnalyser {
        final TreeMap<Long, byte[]> frames = new TreeMap<>();
        final TreeMap<Long, Duration> times = new TreeMap<>();

        @Override
        public void onFrame(VideoFrame frame) {
            frames.put(frame.index(), frame.yuv420().orElseThrow().clone());
            times.put(frame.index(), frame.time());
        }
    }

    @Test
    void segmentsDecodeTheSameFramesWithTheWholeVideosIndexesAndTimes() {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path video = TestMedia.make(ffmpeg, dir.resolve("moving.mp4"), "-f", "lavfi", "-i",
                "testsrc2=d=6:s=320x180:r=25", "-f", "lavfi", "-i", "sine=f=300:d=6", "-c:v", "libx264", "-g", "50",
                "-c:a", "aac", "-shortest");
        MediaInfo info = ffmpeg.probe(video);
        Keeping whole = new Keeping();
        Duration wholeEnd = new DecodingPass(ffmpeg, DecodeOptions.DEFAULT).run(info, List.of(whole)).end();
        Keeping first = new Keeping();
        Keeping second = new Keeping();
        Counting audio = new Counting();
        // the second segment starts between keyframes (every 2 s): FFmpeg decodes from 2 s and drops the frames before
        DecodingPass.Summary summary = new DecodingPass(ffmpeg, DecodeOptions.DEFAULT).run(info, List.of(audio),
                List.of(new DecodingPass.VideoSegment(Duration.ZERO, Optional.of(Duration.ofMillis(3400)),
                                List.of(first)),
                        new DecodingPass.VideoSegment(Duration.ofMillis(2880), Optional.empty(),
                                List.of(second))));
        assertEquals(150, whole.frames.size());
        assertEquals(0L, first.frames.firstKey());
        assertEquals(84L, first.frames.lastKey(), "up to 3.4 s: frames 0-84");
        assertEquals(72L, second.frames.firstKey(), "2.88 s is frame 72");
        assertEquals(149L, second.frames.lastKey());
        for (Keeping part : List.of(first, second)) {
            part.frames.forEach((index, bytes) -> {
                assertTrue(Arrays.equals(whole.frames.get(index), bytes), "frame " + index + " differs");
                assertEquals(whole.times.get(index), part.times.get(index), "time of frame " + index);
            });
        }
        assertEquals(6 * 16_000, audio.samples, 16_000 * 0.1);
        assertEquals(85 + 78, summary.frames(), "every lane's frames");
        assertEquals(audio.finished, summary.end());
        assertEquals(wholeEnd, summary.end());
    }

    @Test
    void segmentsKeepTheWholePassFramesAtNtscAndCappedRates() {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        // 29.97 fps: frame times are not whole milliseconds; 60 fps: the pass keeps every other frame (30 fps cap)
        for (String rate : List.of("30000/1001", "60")) {
            Path video = TestMedia.make(ffmpeg, dir.resolve("rate" + rate.replace('/', '_') + ".mp4"), "-f", "lavfi",
                    "-i", "testsrc2=d=5:s=320x180:r=" + rate, "-c:v", "libx264", "-g", "37");
            MediaInfo info = ffmpeg.probe(video);
            Keeping whole = new Keeping();
            DecodingPass.Summary all = new DecodingPass(ffmpeg, DecodeOptions.DEFAULT).run(info, List.of(whole));
            for (Duration from : List.of(Duration.ofMillis(2000), Duration.ofMillis(2900), Duration.ofMillis(3017))) {
                Keeping part = new Keeping();
                new DecodingPass(ffmpeg, DecodeOptions.DEFAULT).run(info, List.of(),
                        List.of(new DecodingPass.VideoSegment(from, Optional.empty(), List.of(part))));
                long first = Math.round(from.toNanos() * all.frameRate() / 1e9);
                assertEquals(first, part.frames.firstKey(), rate + " fps from " + from);
                assertEquals(whole.frames.lastKey(), part.frames.lastKey(), rate + " fps from " + from);
                part.frames.forEach((index, bytes) -> {
                    assertTrue(Arrays.equals(whole.frames.get(index), bytes),
                            rate + " fps from " + from + ": frame " + index + " differs");
                    assertEquals(whole.times.get(index), part.times.get(index), "time of frame " + index);
                });
            }
        }
    }

    /** Takes 20 ms a frame, like a model reading, deaf to interrupts; counts frames done and frames in progress. */
    static final class Slow implements SignalAnalyser {
        final AtomicInteger busy = new AtomicInteger();
        final AtomicLong frames = new AtomicLong();

        @Override
        public void onFrame(VideoFrame frame) {
            busy.incrementAndGet();
            long until = System.nanoTime() + 20_000_000L;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            frames.incrementAndGet();
            busy.decrementAndGet();
        }
    }

    @Test
    void aFailingSegmentStopsTheOthersAndNoLaneOutlivesThePass() throws InterruptedException {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path video = TestMedia.colourScenes(ffmpeg, dir.resolve("long.mp4"), 25, new String[] {"red"},
                new double[] {30});
        IllegalStateException boom = new IllegalStateException("boom");
        Slow slow = new Slow();
        SignalAnalyser failing = new SignalAnalyser() {
            @Override
            public void onFrame(VideoFrame frame) {
                if (frame.index() == 400) {
                    throw boom;
                }
            }
        };
        long start = System.nanoTime();
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> new DecodingPass(ffmpeg, DecodeOptions.DEFAULT).run(ffmpeg.probe(video), List.of(),
                        List.of(new DecodingPass.VideoSegment(Duration.ZERO, Optional.empty(),
                                        List.of(slow)),
                                new DecodingPass.VideoSegment(Duration.ofSeconds(15), Optional.empty(),
                                        List.of(failing)))));
        assertSame(boom, thrown);
        assertEquals(0, slow.busy.get(), "no analyser runs after the pass returned");
        long seen = slow.frames.get();
        Thread.sleep(200);
        assertEquals(seen, slow.frames.get(), "the slow lane stopped with the pass");
        assertTrue(seen < 750, "the slow lane did not run to its end: " + seen);
        assertTrue(System.nanoTime() - start < 20_000_000_000L, "stopped promptly");
    }

    @Test
    void anInterruptedPassStopsEveryLaneBeforeItReturns() throws Exception {
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        Path video = TestMedia.colourScenes(ffmpeg, dir.resolve("long.mp4"), 25, new String[] {"red"},
                new double[] {30});
        Slow slow = new Slow();
        MediaInfo info = ffmpeg.probe(video);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicInteger busyAtReturn = new AtomicInteger(-1);
        Thread job = new Thread(() -> {
            try {
                new DecodingPass(ffmpeg, DecodeOptions.DEFAULT).run(info, List.of(),
                        List.of(new DecodingPass.VideoSegment(Duration.ZERO, Optional.of(Duration.ofSeconds(16)),
                                        List.of(slow)),
                                new DecodingPass.VideoSegment(Duration.ofSeconds(14), Optional.empty(),
                                        List.of(slow))));
            } catch (Throwable e) {
                thrown.set(e);
            } finally {
                busyAtReturn.set(slow.busy.get());
            }
        });
        job.start();
        Thread.sleep(500);
        job.interrupt(); // a cancelled job
        job.join(20_000);
        assertFalse(job.isAlive(), "the pass returned");
        assertTrue(thrown.get() instanceof TaglineException, String.valueOf(thrown.get()));
        assertTrue(thrown.get().getMessage().contains("interrupted"), thrown.get().getMessage());
        assertEquals(0, busyAtReturn.get(), "no analyser was running when the pass returned");
        long seen = slow.frames.get();
        Thread.sleep(200);
        assertEquals(seen, slow.frames.get(), "no lane went on after the pass returned");
    }
}
