package dev.tagline.video.signal;

import dev.tagline.core.TaglineException;
import dev.tagline.video.ffmpeg.Ffmpeg;
import dev.tagline.video.ffmpeg.MediaInfo;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Decodes a video once and feeds every {@link SignalAnalyser}: 16 kHz mono PCM and small YUV 4:2:0 frames, in constant
 * memory (a queue of at most {@value #QUEUE_BYTES} bytes of frames between FFmpeg and the analysers), so a three-hour
 * recording costs no more memory than a minute.
 *
 * <p>Design: two FFmpeg processes, one mapping only the first audio stream to {@code s16le} on its stdout, one mapping
 * only the first video stream through {@code fps,scale,format=yuv420p} (two-tap bilinear scaling) to {@code rawvideo} on
 * its stdout. FFmpeg decodes only the streams it maps, so each stream is still decoded exactly once; the second process
 * costs only a second demux of the container (cheap next to H.264 decoding), and the two run on two cores in parallel
 * (issue #7 allows "one per core"). The alternative, one process with two outputs, needs either a named pipe (not
 * portable to Windows, and a stalled reader on one pipe can block FFmpeg's writes to the other) or a container such as
 * NUT on one pipe, which would need a demuxer in Java. Both processes run through the core {@code ProcessRunner}:
 * stderr drained, time limit enforced. Reader threads put blocks on one bounded queue; the calling thread takes them
 * and calls the analysers, so analysers see one thread. On any failure (FFmpeg's or an analyser's) the readers stop,
 * their pipes close, FFmpeg exits, and the first error is thrown. The queue is deep (about 600 small frames) because
 * the analysers' work is uneven: an OCR reading holds the pass for ~50–100 ms, in which FFmpeg decodes a hundred
 * frames; with a queue of 16 blocks FFmpeg stalled through every reading and the pass used 1.5 of 2 cores (wall
 * time 1.81–1.85× the floor against 1.59–1.61× with the deep queue, docs/benchmarks.md). The class keeps the two
 * sources, the queue and the shutdown together because their interplay is the point; hence its length.
 */
public final class DecodingPass {
    /** Frames the queue may hold, in bytes: 32 MiB, about 600 frames of 256×144. */
    static final int QUEUE_BYTES = 32 << 20;
    /** The queue never holds fewer blocks than this, whatever the frame size. */
    static final int MIN_QUEUE_ITEMS = 16;
    private static final int AUDIO_BLOCK_SAMPLES = 1600;
    private static final Object END = new Object();

    private final Ffmpeg ffmpeg;
    private final DecodeOptions options;

    public DecodingPass(Ffmpeg ffmpeg, DecodeOptions options) {
        this.ffmpeg = ffmpeg;
        this.options = options;
    }

    /** What the pass decoded. {@code frameRate} is 0 without video. */
    public record Summary(Duration end, long audioSamples, long frames, double frameRate) {
    }

    private record Failure(RuntimeException error) {
    }

    private interface Source {
        List<String> command();

        void read(InputStream in, Sink sink) throws IOException;
    }

    @FunctionalInterface
    private interface Sink {
        void put(Object item) throws IOException;
    }

    /** Runs the pass over {@code media}, calling {@code analysers} on the current thread; blocks until the end. */
    public Summary run(MediaInfo media, List<? extends SignalAnalyser> analysers) {
        List<Source> sources = new ArrayList<>();
        media.firstAudio().ifPresent(a -> sources.add(audio(media)));
        double fps = media.firstVideo().map(v -> options.frameRate(v.fps())).orElse(0.0);
        media.firstVideo().ifPresent(v -> sources.add(video(media, v, fps)));
        if (sources.isEmpty()) {
            throw new TaglineException(media.file() + " has neither audio nor video to analyse", "Give a video file.");
        }
        int frameBytes = media.firstVideo().map(v -> VideoFrame.yuvSize(options.frameWidth(),
                options.frameHeight(v.displayWidth(), v.displayHeight()))).orElse(0);
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(queueItems(frameBytes));
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService readers = Executors.newFixedThreadPool(sources.size(), r -> {
            Thread t = new Thread(r, "tagline-decode");
            t.setDaemon(true);
            return t;
        });
        for (Source source : sources) {
            readers.execute(() -> produce(source, media, queue, stop));
        }
        long samples = 0;
        long frames = 0;
        Duration lastFrameEnd = Duration.ZERO;
        try {
            for (int open = sources.size(); open > 0; ) {
                Object item = queue.take();
                if (item == END) {
                    open--;
                } else if (item instanceof Failure failure) {
                    throw failure.error();
                } else if (item instanceof AudioBlock block) {
                    samples += block.samples().length;
                    analysers.forEach(a -> a.onAudio(block));
                } else if (item instanceof VideoFrame frame) {
                    frames++;
                    lastFrameEnd = frame.time().plusNanos(Math.round(1e9 / fps));
                    analysers.forEach(a -> a.onFrame(frame));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaglineException("Decoding " + media.file() + " was interrupted", "", e);
        } finally {
            stop.set(true);
            readers.shutdown();
            awaitReaders(readers, queue);
        }
        Duration audioEnd = Duration.ofNanos(Math.round(samples * 1e9 / options.sampleRate()));
        Duration end = audioEnd.compareTo(lastFrameEnd) > 0 ? audioEnd : lastFrameEnd;
        analysers.forEach(a -> a.finish(end));
        return new Summary(end, samples, frames, fps);
    }

    /** Queue capacity in blocks for frames of {@code frameBytes} (0: no video). */
    static int queueItems(int frameBytes) {
        return Math.max(MIN_QUEUE_ITEMS, frameBytes == 0 ? MIN_QUEUE_ITEMS : QUEUE_BYTES / frameBytes);
    }

    private void produce(Source source, MediaInfo media, BlockingQueue<Object> queue, AtomicBoolean stop) {
        Sink sink = item -> {
            try {
                while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    if (stop.get()) {
                        throw new IOException("decoding stopped");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("decoding interrupted", e);
            }
        };
        try {
            ffmpeg.stream(source.command(), media.file(), "decoding", in -> source.read(in, sink));
            sink.put(END);
        } catch (RuntimeException e) {
            if (!stop.get()) {
                try {
                    sink.put(new Failure(e));
                } catch (IOException ignored) {
                    // The pass already stopped for another reason; that error is the one reported.
                }
            }
        } catch (IOException e) {
            // only from sink.put(END) after a stop: the pass is already over
        }
    }

    private static void awaitReaders(ExecutorService readers, BlockingQueue<Object> queue) {
        try {
            while (!readers.awaitTermination(100, TimeUnit.MILLISECONDS)) {
                queue.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Source audio(MediaInfo media) {
        List<String> command = ffmpeg.command().input(media.file())
                .option("-map", "0:a:0", "-vn", "-sn", "-dn", "-ac", "1", "-ar", Integer.toString(options.sampleRate()),
                        "-c:a", "pcm_s16le", "-f", "s16le").output("pipe:1").build();
        int rate = options.sampleRate();
        return new Source() {
            @Override
            public List<String> command() {
                return command;
            }

            @Override
            public void read(InputStream in, Sink sink) throws IOException {
                byte[] bytes = new byte[AUDIO_BLOCK_SAMPLES * 2];
                long position = 0;
                int n;
                while ((n = in.readNBytes(bytes, 0, bytes.length)) > 1) {
                    float[] samples = new float[n / 2];
                    for (int i = 0; i < samples.length; i++) {
                        samples[i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8)) / 32768f;
                    }
                    sink.put(new AudioBlock(Duration.ofNanos(Math.round(position * 1e9 / rate)), samples, rate));
                    position += samples.length;
                }
            }
        };
    }

    private Source video(MediaInfo media, MediaInfo.VideoStream stream, double fps) {
        int width = options.frameWidth();
        int height = options.frameHeight(stream.displayWidth(), stream.displayHeight());
        // fast_bilinear: two taps, like the cv2.INTER_LINEAR PySceneDetect downscales with (scene_manager.py); the
        // default bicubic filter spans the whole 5x footprint and cost more CPU than decoding 720p H.264 itself
        // yuv420p, not rgb24: half the bytes through the pipe and no RGB conversion of every frame in FFmpeg (its
        // CPU for the pass fell by a third of what it spends beyond decoding); VideoFrame converts where needed
        String filter = String.format(Locale.ROOT, "fps=%.6f,scale=%d:%d:flags=fast_bilinear,format=yuv420p", fps,
                width, height);
        List<String> command = ffmpeg.command().input(media.file())
                .option("-map", "0:v:0", "-an", "-sn", "-dn", "-vf", filter, "-f", "rawvideo").output("pipe:1").build();
        return new Source() {
            @Override
            public List<String> command() {
                return command;
            }

            @Override
            public void read(InputStream in, Sink sink) throws IOException {
                long index = 0;
                while (true) {
                    int size = VideoFrame.yuvSize(width, height);
                    byte[] yuv = in.readNBytes(size);
                    if (yuv.length < size) {
                        return;
                    }
                    sink.put(VideoFrame.yuv420(index, Duration.ofNanos(Math.round(index * 1e9 / fps)), width,
                            height, yuv));
                    index++;
                }
            }
        };
    }
}
