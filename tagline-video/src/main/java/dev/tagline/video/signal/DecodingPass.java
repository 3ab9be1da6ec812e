package dev.tagline.video.signal;

import dev.tagline.core.TaglineException;
import dev.tagline.video.ffmpeg.Ffmpeg;
import dev.tagline.video.ffmpeg.MediaInfo;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * commands and the readers of FFmpeg's output are in {@link DecodeSources}; this class keeps the lanes, their queues
 * and the shutdown together because their interplay is the point.
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
    private record Lane(List<DecodeSources.Source> sources, List<? extends SignalAnalyser> analysers, double fps, boolean video) {
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
        List<DecodeSources.Source> sources = new ArrayList<>();
        media.firstAudio().ifPresent(a -> sources.add(DecodeSources.audio(ffmpeg, options, media)));
        double fps = media.firstVideo().map(v -> options.frameRate(v.fps())).orElse(0.0);
        media.firstVideo().ifPresent(v -> sources.add(DecodeSources.video(ffmpeg, options, media, v, fps, Duration.ZERO,
                Optional.empty(), 0)));
        return runLanes(media, List.of(new Lane(sources, analysers, fps, media.firstVideo().isPresent())));
    }

    /**
     * Runs the pass with the audio fed to {@code audioAnalysers} on the current thread and each of {@code segments}
     * decoded and analysed at the same time on threads of their own; blocks until all are done. With more than one
     * segment each FFmpeg decodes with {@link #decoderThreads} threads. Every analyser sees one thread.
     */
    public Summary run(MediaInfo media, List<? extends SignalAnalyser> audioAnalysers, List<VideoSegment> segments) {
        List<Lane> lanes = new ArrayList<>();
        List<DecodeSources.Source> audio = new ArrayList<>();
        media.firstAudio().ifPresent(a -> audio.add(DecodeSources.audio(ffmpeg, options, media)));
        double fps = media.firstVideo().map(v -> options.frameRate(v.fps())).orElse(0.0);
        lanes.add(new Lane(audio, audioAnalysers, fps, false));
        int threads = segments.size() > 1 ? decoderThreads(Runtime.getRuntime().availableProcessors(),
                segments.size()) : 0;
        for (VideoSegment segment : segments) {
            List<DecodeSources.Source> video = new ArrayList<>();
            media.firstVideo().ifPresent(v -> video.add(DecodeSources.video(ffmpeg, options, media, v, fps,
                    segment.from(), segment.to(), threads)));
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
            for (DecodeSources.Source source : lanes.get(i).sources()) {
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

    private void produce(DecodeSources.Source source, MediaInfo media, BlockingQueue<Object> queue, AtomicBoolean stop) {
        DecodeSources.Sink sink = item -> {
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

}
