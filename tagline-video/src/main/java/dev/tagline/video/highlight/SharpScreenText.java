package dev.tagline.video.highlight;

import dev.tagline.core.progress.Progress;
import dev.tagline.video.ffmpeg.Ffmpeg;
import dev.tagline.video.ffmpeg.FfmpegCommand;
import dev.tagline.video.ffmpeg.FfmpegException;
import dev.tagline.video.ffmpeg.MediaInfo;
import dev.tagline.video.signal.PaddleScreenText;
import dev.tagline.video.signal.ScreenTextAnalyser;
import dev.tagline.video.signal.ScreenTextAnalyser.TextChange;
import dev.tagline.video.signal.ScreenTextReader;
import dev.tagline.video.signal.VideoFrame;
import java.io.DataInputStream;
import java.io.EOFException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads the on-screen text of the kept clips again, from frames taken from the source at the reader's width
 * ({@link ScreenTextReader#readWidth}: {@link PaddleScreenText#READ_WIDTH}, {@link PaddleScreenText#SHARP_WIDTH} with
 * {@code --sharp-text}) with FFmpeg's {@code area} scaling. The pass's frames are 256 px wide and scaled with two taps, which is enough to tell that the text changed, but garbles text under about 1/20 of
 * the picture's height ("Crrata, swtch cnd merge aranches" for "Create, switch and merge branches", docs/benchmarks.md,
 * issue 7 session 9), and finds none at all in a 720p editor's 20 px code (dogfood G3). The recogniser is not always
 * unsure of what it garbles ("Replay your cornrnlts on top of the maln branch" came at over 0.9 from a 34 px line on
 * 720p), so every moment a clip's copy may quote is read again.
 *
 * <p>Per clip, at most {@value #PER_CLIP} moments: its first frame, whatever the pass saw there (it may have seen
 * nothing where the source shows code), then each new text the pass found during it, then, when there is room and
 * the last of those is over {@link #NEAR_END} from its end, a frame {@link #END_MARGIN} before its end: code typed a
 * line at a time, or a command's output, may never have been new text to the pass. A few seeks per clip cost far
 * less than a sharper pass over every frame.
 */
final class SharpScreenText {
    /** Moments read again per clip: the text on screen at its start and what comes next. */
    static final int PER_CLIP = 3;
    /** How long before a clip's end its last frame is read: one that is surely there, with the clip's last text. */
    static final Duration END_MARGIN = Duration.ofMillis(500);
    /** A moment this close to a clip's last frame stands for it: that frame is not read as well. */
    static final Duration NEAR_END = Duration.ofSeconds(2);

    /**
     * Where a clip's text is read: at {@code time}, standing for the pass's timeline entry {@code pass} (none for a
     * clip's start where the pass saw no text, and for its end).
     */
    record Moment(Duration time, Optional<TextChange> pass) {
    }

    private final Ffmpeg ffmpeg;
    private final ScreenTextReader reader;

    SharpScreenText(Ffmpeg ffmpeg, ScreenTextReader reader) {
        this.ffmpeg = ffmpeg;
        this.reader = reader;
    }

    /** Whether the source has more pixels to read than the pass's frames of {@code passWidth}. */
    static boolean worthIt(MediaInfo media, int passWidth) {
        return media.firstVideo().map(v -> v.displayWidth() > passWidth).orElse(false);
    }

    /**
     * The moments at which {@code clip}'s text is read: its start, standing for the entry the pass had on screen then
     * when it had text, then the entries with text the pass found during it, then its last frame when there is room
     * and no moment is {@link #NEAR_END} to it; at most {@value #PER_CLIP}.
     */
    static List<Moment> moments(ClipSignals signals, ScoredClip clip) {
        Duration start = clip.candidate().start();
        int[] range = signals.onScreenRange(start, clip.candidate().end());
        List<Moment> out = new ArrayList<>();
        for (int i = range[0]; i < range[1] && out.size() < PER_CLIP; i++) {
            TextChange entry = signals.textChanges().get(i);
            boolean atStart = entry.time().compareTo(start) <= 0;
            if (atStart || out.isEmpty()) {
                out.add(new Moment(start, atStart && !entry.lines().isEmpty() ? Optional.of(entry) : Optional.empty()));
            }
            if (!atStart && !entry.lines().isEmpty() && out.size() < PER_CLIP) {
                out.add(new Moment(entry.time(), Optional.of(entry)));
            }
        }
        if (out.isEmpty()) {
            out.add(new Moment(start, Optional.empty()));
        }
        Duration end = clip.candidate().end().minus(END_MARGIN);
        if (out.size() < PER_CLIP && end.minus(out.get(out.size() - 1).time()).compareTo(NEAR_END) > 0) {
            out.add(new Moment(end, Optional.empty()));
        }
        return out;
    }

    /**
     * Per clip of {@code clips}, in order, {@code signals} with that clip's text timeline read again from
     * {@code media}: one entry per {@link #moments moment}. A moment whose frame shows no text is the text gone, or
     * nothing before the clip's first text; a moment whose frame cannot be taken keeps what the pass read, and
     * {@code notes} says so once.
     */
    List<ClipSignals> reread(MediaInfo media, ClipSignals signals, List<ScoredClip> clips, Progress.Factory progress,
                             List<String> notes) {
        List<List<Moment>> perClip = clips.stream().map(c -> moments(signals, c)).toList();
        TreeMap<Duration, ScreenTextReader.Reading> readings = new TreeMap<>();
        perClip.forEach(moments -> moments.forEach(m -> readings.put(m.time(), null)));
        MediaInfo.VideoStream video = media.firstVideo().orElseThrow();
        int width = Math.min(reader.readWidth(), video.displayWidth()) & ~1;
        int height = Math.max(2, (int) Math.round((double) video.displayHeight() * width / video.displayWidth()) & ~1);
        List<String> failures = read(media, readings, width, height, progress);
        if (!failures.isEmpty()) {
            notes.add("On-screen text at " + failures.size() + " of " + readings.size() + " moments was kept as the"
                    + " analysis read it, from small frames (" + failures.get(0) + ").");
        }
        return perClip.stream().map(moments -> signals.withTextChanges(timeline(moments, readings))).toList();
    }

    /**
     * A clip's text timeline from what was read at its {@code moments}: each reading with text; where the frame
     * could not be taken, or showed nothing where the pass read text at that very time, what the pass read; where it
     * showed nothing after text, the text gone; nothing at all before the clip's first text.
     */
    private static List<TextChange> timeline(List<Moment> moments,
                                              TreeMap<Duration, ScreenTextReader.Reading> readings) {
        List<TextChange> timeline = new ArrayList<>();
        List<String> before = List.of();
        for (Moment m : moments) {
            ScreenTextReader.Reading reading = readings.get(m.time());
            Optional<TextChange> was = m.pass();
            if (reading != null && !reading.lines().isEmpty()) {
                timeline.add(TextChange.of(m.time(), reading, ScreenTextAnalyser.change(before, reading.lines())));
            } else if (was.isPresent() && (reading == null || m.time().equals(was.get().time()))) {
                TextChange w = was.get();
                timeline.add(new TextChange(m.time(), w.lines(), w.change(), w.title(), w.legible()));
            } else if (reading != null && (!before.isEmpty() || was.isPresent())) {
                timeline.add(new TextChange(m.time(), List.of(), 1.0)); // the text left before this moment
            } else {
                continue;
            }
            before = timeline.get(timeline.size() - 1).lines();
        }
        return timeline;
    }

    /**
     * Reads every moment of {@code readings} into it, in time order; returns why frames could not be taken. FFmpeg
     * takes the next frame while the reader reads this one (on 2 cores, one decodes and the other reads). A cancel
     * (the web app's find job interrupts its thread) stops it with a {@link CancellationException}.
     */
    private List<String> read(MediaInfo media, TreeMap<Duration, ScreenTextReader.Reading> readings, int width,
                              int height, Progress.Factory progress) {
        List<Duration> times = new ArrayList<>(readings.keySet());
        List<String> failures = new ArrayList<>();
        if (times.isEmpty()) {
            return failures;
        }
        ExecutorService taker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tagline-clip-frames");
            t.setDaemon(true);
            return t;
        });
        try (Progress p = progress.start("Reading on-screen text of the clips", times.size(), Progress.Unit.COUNT)) {
            Future<VideoFrame> next = taker.submit(() -> frame(media, times.get(0), width, height));
            for (int i = 0; i < times.size(); i++) {
                Future<VideoFrame> current = next;
                Duration after = i + 1 < times.size() ? times.get(i + 1) : null;
                next = after == null ? null : taker.submit(() -> frame(media, after, width, height));
                try {
                    readings.put(times.get(i), reader.readWithTitle(current.get()));
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof FfmpegException || e.getCause() instanceof FrameMissing)) {
                        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    }
                    failures.add(e.getCause().getMessage());
                }
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("cancelled while reading the clips' on-screen text");
                }
                p.advance(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("cancelled while reading the clips' on-screen text");
        } finally {
            taker.shutdownNow(); // kills an FFmpeg still taking a frame nobody will read
        }
        return failures;
    }

    /** The frame shown at {@code time}, {@code width × height}, as packed RGB. */
    private VideoFrame frame(MediaInfo media, Duration time, int width, int height) {
        List<String> args = FfmpegCommand.ffmpeg(ffmpeg.tools().ffmpeg()).seek(time).input(media.file())
                .option("-map", "0:v:0", "-an", "-sn", "-vf", "scale=" + width + ":" + height + ":flags=area",
                        "-frames:v", "1", "-pix_fmt", "rgb24", "-f", "rawvideo").output("pipe:1").build();
        byte[] rgb = new byte[width * height * 3];
        boolean[] got = {false};
        ffmpeg.stream(args, media.file(), "reading on-screen text of", in -> {
            try {
                new DataInputStream(in).readFully(rgb);
                got[0] = true;
            } catch (EOFException e) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        });
        if (!got[0]) {
            throw new FrameMissing("no frame at " + Progress.Unit.SECONDS.format(time.toSeconds()));
        }
        return new VideoFrame(0, time, width, height, rgb);
    }

    /** FFmpeg gave no frame at a time (past the last frame of a stream that ends early). */
    private static final class FrameMissing extends RuntimeException {
        FrameMissing(String message) {
            super(message);
        }
    }
}
