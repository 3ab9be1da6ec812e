package dev.tagline.video.signal;

import dev.tagline.core.TaglineException;
import dev.tagline.video.ffmpeg.Ffmpeg;
import dev.tagline.video.ffmpeg.FfmpegCommand;
import dev.tagline.video.ffmpeg.MediaInfo;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Decodes a video once and feeds every {@link SignalAnalyser}: 16 kHz mono PCM and small YUV 4:2:0 frames, in constant
 * memory (a queue of at most {@value #QUEUE_BYTES} bytes of frames between FFmpeg and the analysers), so a three-hour
 * recording costs no more memory than a minute.
 *
 * <p>Design: FFmpeg processes of two kinds, one mapping only the first audio stream to {@code s16le} on its stdout,
 * and one mapping only the first video stream through {@code fps,scale,format=yuv420p} (two-tap bilinear scaling) to
 * {@code rawvideo} on its stdout. FFmpeg decodes only the streams it maps, so each stream is still decoded once; a
 * further process costs only a second demux of the container (cheap next to H.264 decoding). Issue #7 allows "one per
 * core", and the finder uses it ({@link #run(MediaInfo, List, List)}): the sound goes to its analysers on the calling
 * thread, and the picture is cut into {@link VideoSegment}s, each decoded by its own single-threaded FFmpeg (seeking
 * to its start) into its own analysers on a thread of its own. Single-threaded decoders side by side cost less CPU
 * than one frame-threaded decoder and keep every core busy; the analysers of a segment see one thread, in time order.
 * The alternative, one process with several outputs, needs either a named pipe (not portable to Windows, and a
 * stalled reader on one pipe can block FFmpeg's writes to the other) or a container such as NUT on one pipe, which
 * would need a demuxer in Java. Every process runs through the core {@code ProcessRunner}: stderr drained, time limit
 * enforced. Reader threads put blocks on a bounded queue per lane (the sources feeding one set of analysers); the
 * lane's thread takes them and calls its analysers. On any failure (FFmpeg's or an analyser's) every lane stops at
 * its next block, the readers stop, their pipes close, FFmpeg exits, and the first error is thrown, but only once
 * every lane's thread has returned: no analyser (and no model session under it) is still running when the pass
 * returns. The queues are deep (about 600 small frames) because the analysers' work is uneven: an OCR reading holds
 * its lane for ~50–100 ms, in which FFmpeg decodes a hundred frames; with a queue of 16 blocks FFmpeg stalled through
 * every reading (wall time 1.81–1.85× the floor against 1.59–1.61× with the deep queue, docs/benchmarks.md). The
 * class keeps the sources, the queues and the shutdown together because their interplay is the point; hence its
 * length.
 */
public final class DecodingPass {
    /** Frames the queue may hold, in bytes: 32 MiB, about 600 frames of 256×144. */
    static final int QUEUE_BYTES = 32 << 20;
    /** The queue never holds fewer blocks than this, whatever the frame size. */
    static final int MIN_QUEUE_ITEMS = 16;
    /** Parallel stretches are at least this long: shorter ones would spend their time starting FFmpeg. */
    public static final Duration MIN_SEGMENT = Duration.ofMinutes(2);
    /** At most this many stretches run at once, whatever the cores: each holds a frame queue. */
    static final int MAX_SEGMENTS = 4;
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

    /**
     * A stretch of the video decoded by an FFmpeg process of its own and fed to its own {@code analysers} on a thread
     * of its own: frames from {@code from} (the nearest frame) to {@code to} (the end of the file when empty). Frame
     * indexes and times are those of the whole video.
     */
    public record VideoSegment(Duration from, Optional<Duration> to, List<? extends SignalAnalyser> analysers) {
        public VideoSegment {
            analysers = List.copyOf(analysers);
        }
    }

    /** Sources feeding one set of analysers through one queue, consumed by one thread. */
    private record Lane(List<Source> sources, List<? extends SignalAnalyser> analysers, double fps, boolean video) {
    }

    /** What one lane saw. */
    private record LaneResult(long samples, long frames, Duration lastFrameEnd) {
    }

    /** Unwinds a lane quietly because another lane failed; that lane's error is the one reported. */
    private static final class LaneStopped extends RuntimeException {
        LaneStopped() {
            super("stopped because another part of the pass failed", null, false, false);
        }
    }

    /** Runs the pass over {@code media}, calling {@code analysers} on the current thread; blocks until the end. */
    public Summary run(MediaInfo media, List<? extends SignalAnalyser> analysers) {
        List<Source> sources = new ArrayList<>();
        media.firstAudio().ifPresent(a -> sources.add(audio(media)));
        double fps = media.firstVideo().map(v -> options.frameRate(v.fps())).orElse(0.0);
        media.firstVideo().ifPresent(v -> sources.add(video(media, v, fps, Duration.ZERO, Optional.empty(), 0)));
        return runLanes(media, List.of(new Lane(sources, analysers, fps, media.firstVideo().isPresent())));
    }

    /**
     * Runs the pass with the audio fed to {@code audioAnalysers} on the current thread and each of {@code segments}
     * decoded and analysed at the same time on threads of their own; blocks until all are done. With more than one
     * segment each FFmpeg decodes with {@link #decoderThreads} threads. Every analyser sees one thread.
     */
    public Summary run(MediaInfo media, List<? extends SignalAnalyser> audioAnalysers, List<VideoSegment> segments) {
        List<Lane> lanes = new ArrayList<>();
        List<Source> audio = new ArrayList<>();
        media.firstAudio().ifPresent(a -> audio.add(audio(media)));
        double fps = media.firstVideo().map(v -> options.frameRate(v.fps())).orElse(0.0);
        lanes.add(new Lane(audio, audioAnalysers, fps, false));
        int threads = segments.size() > 1 ? decoderThreads(Runtime.getRuntime().availableProcessors(),
                segments.size()) : 0;
        for (VideoSegment segment : segments) {
            List<Source> video = new ArrayList<>();
            media.firstVideo().ifPresent(v -> video.add(video(media, v, fps, segment.from(), segment.to(), threads)));
            lanes.add(new Lane(video, segment.analysers(), fps, !video.isEmpty()));
        }
        return runLanes(media, lanes);
    }

    /**
     * Where the stretches of a video of {@code duration} start when it is analysed in parallel on {@code cores}:
     * one stretch per core, at most {@value #MAX_SEGMENTS}, none shorter than {@link #MIN_SEGMENT}, starting on whole
     * seconds; the first starts at zero.
     */
    public static List<Duration> stretches(Duration duration, int cores) {
        long count = Math.max(1, Math.min(Math.min(cores, MAX_SEGMENTS),
                duration.toMillis() / MIN_SEGMENT.toMillis()));
        List<Duration> starts = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            starts.add(Duration.ofSeconds(duration.toMillis() * i / count / 1000));
        }
        return starts;
    }

    /**
     * FFmpeg decoder threads for each of {@code segments} processes on {@code cores}: the cores shared out, at least
     * one. One thread a process is the cheapest decode: H.264 frame threading spends CPU on handing frames between
     * threads (two single-threaded halves of a 15-minute 720p video took 17.8 s of CPU against 20.5 s for one
     * process on two threads, and 9 s of wall time against 12, docs/benchmarks.md).
     */
    static int decoderThreads(int cores, int segments) {
        return Math.max(1, cores / Math.max(1, segments));
    }

    private Summary runLanes(MediaInfo media, List<Lane> lanes) {
        if (lanes.stream().allMatch(l -> l.sources().isEmpty())) {
            throw new TaglineException(media.file() + " has neither audio nor video to analyse", "Give a video file.");
        }
        int frameBytes = media.firstVideo().map(v -> VideoFrame.yuvSize(options.frameWidth(),
                options.frameHeight(v.displayWidth(), v.displayHeight()))).orElse(0);
        AtomicBoolean stop = new AtomicBoolean();
        List<BlockingQueue<Object>> queues = new ArrayList<>();
        int sourceCount = 0;
        for (Lane lane : lanes) {
            queues.add(new ArrayBlockingQueue<>(queueItems(lane.video() ? frameBytes : 0)));
            sourceCount += lane.sources().size();
        }
        ExecutorService readers = Executors.newFixedThreadPool(Math.max(1, sourceCount), daemon("tagline-decode"));
        for (int i = 0; i < lanes.size(); i++) {
            for (Source source : lanes.get(i).sources()) {
                BlockingQueue<Object> queue = queues.get(i);
                readers.execute(() -> produce(source, media, queue, stop));
            }
        }
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, lanes.size() - 1),
                daemon("tagline-analyse"));
        List<Future<LaneResult>> others = new ArrayList<>();
        for (int i = 1; i < lanes.size(); i++) {
            Lane lane = lanes.get(i);
            BlockingQueue<Object> queue = queues.get(i);
            others.add(workers.submit(() -> {
                try {
                    return consume(media, lane, queue, stop);
                } catch (RuntimeException e) {
                    stop.set(true);
                    throw e;
                }
            }));
        }
        List<LaneResult> results = new ArrayList<>();
        RuntimeException error = null;
        boolean interrupted = false;
        try {
            try {
                results.add(consume(media, lanes.get(0), queues.get(0), stop));
            } catch (RuntimeException e) {
                stop.set(true);
                error = e;
            }
            for (Future<LaneResult> other : others) {
                try {
                    results.add(other.get());
                } catch (ExecutionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException r ? r
                            : new IllegalStateException(e.getCause());
                    error = error == null || error instanceof LaneStopped ? cause : error;
                }
            }
        } catch (InterruptedException e) {
            interrupted = true;
            error = new TaglineException("Decoding " + media.file() + " was interrupted", "", e);
        } finally {
            stop.set(true);
            workers.shutdown();
            interrupted |= awaitQuietly(workers); // never return while a lane may still run a model
            readers.shutdown();
            awaitReaders(readers, queues);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (error instanceof LaneStopped) {
            error = new TaglineException("Decoding " + media.file() + " was interrupted", "", error);
        }
        if (error != null) {
            throw error;
        }
        long samples = results.stream().mapToLong(LaneResult::samples).sum();
        long frames = results.stream().mapToLong(LaneResult::frames).sum();
        Duration lastFrameEnd = results.stream().map(LaneResult::lastFrameEnd).max(Duration::compareTo)
                .orElse(Duration.ZERO);
        Duration audioEnd = Duration.ofNanos(Math.round(samples * 1e9 / options.sampleRate()));
        Duration end = audioEnd.compareTo(lastFrameEnd) > 0 ? audioEnd : lastFrameEnd;
        lanes.forEach(lane -> lane.analysers().forEach(a -> a.finish(end)));
        return new Summary(end, samples, frames, lanes.get(0).fps());
    }

    /** Feeds {@code lane}'s analysers from its queue until all its sources ended. */
    private static LaneResult consume(MediaInfo media, Lane lane, BlockingQueue<Object> queue, AtomicBoolean stop) {
        long samples = 0;
        long frames = 0;
        Duration lastFrameEnd = Duration.ZERO;
        try {
            for (int open = lane.sources().size(); open > 0; ) {
                Object item = queue.poll(100, TimeUnit.MILLISECONDS);
                if (stop.get()) {
                    throw new LaneStopped(); // another lane failed
                }
                if (item == null) {
                    continue;
                }
                if (item == END) {
                    open--;
                } else if (item instanceof Failure failure) {
                    throw failure.error();
                } else if (item instanceof AudioBlock block) {
                    samples += block.samples().length;
                    lane.analysers().forEach(a -> a.onAudio(block));
                } else if (item instanceof VideoFrame frame) {
                    frames++;
                    lastFrameEnd = frame.time().plusNanos(Math.round(1e9 / lane.fps()));
                    lane.analysers().forEach(a -> a.onFrame(frame));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaglineException("Decoding " + media.file() + " was interrupted", "", e);
        }
        return new LaneResult(samples, frames, lastFrameEnd);
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Waits for {@code pool} to finish whatever interrupts come; whether one came. */
    private static boolean awaitQuietly(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(100, TimeUnit.MILLISECONDS)) {
                    return interrupted;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
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

    private static void awaitReaders(ExecutorService readers, List<BlockingQueue<Object>> queues) {
        try {
            while (!readers.awaitTermination(100, TimeUnit.MILLISECONDS)) {
                queues.forEach(BlockingQueue::clear);
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

    /**
     * The video from {@code from} to {@code to} (the end when empty), decoded with {@code threads} threads (FFmpeg's
     * choice when 0). A later segment starts at the frame nearest {@code from} and numbers its frames from that
     * frame's index: it seeks 1 ms before the frame's time, so that FFmpeg's millisecond seek cannot skip the frame,
     * and the frame's time after the seek (1 ms) rounds to the fps filter's first tick, which keeps the filter's ticks
     * on the source's frames (half a frame early, the ticks fell between frames and the filter added a frame).
     */
    private Source video(MediaInfo media, MediaInfo.VideoStream stream, double fps, Duration from,
                         Optional<Duration> to, int threads) {
        int width = options.frameWidth();
        int height = options.frameHeight(stream.displayWidth(), stream.displayHeight());
        // fast_bilinear: two taps, like the cv2.INTER_LINEAR PySceneDetect downscales with (scene_manager.py); the
        // default bicubic filter spans the whole 5x footprint and cost more CPU than decoding 720p H.264 itself
        // yuv420p, not rgb24: half the bytes through the pipe and no RGB conversion of every frame in FFmpeg (its
        // CPU for the pass fell by a third of what it spends beyond decoding); VideoFrame converts where needed
        String filter = String.format(Locale.ROOT, "fps=%.6f,scale=%d:%d:flags=fast_bilinear,format=yuv420p", fps,
                width, height);
        long first = Math.round(from.toNanos() * fps / 1e9);
        FfmpegCommand command = ffmpeg.command();
        if (threads > 0) {
            command.option("-threads", Integer.toString(threads));
        }
        Duration seek = Duration.ofNanos(Math.round(first * 1e9 / fps)).minusMillis(1);
        boolean seeking = first > 0 && seek.compareTo(Duration.ZERO) > 0;
        if (seeking) {
            command.seek(seek);
        }
        to.ifPresent(end -> command.duration(end.minus(seeking ? seek : Duration.ZERO)));
        List<String> arguments = command.input(media.file())
                .option("-map", "0:v:0", "-an", "-sn", "-dn", "-vf", filter, "-f", "rawvideo").output("pipe:1").build();
        return new Source() {
            @Override
            public List<String> command() {
                return arguments;
            }

            @Override
            public void read(InputStream in, Sink sink) throws IOException {
                long index = seeking ? first : 0;
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
