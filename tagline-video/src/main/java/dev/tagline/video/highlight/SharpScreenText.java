package dev.tagline.video.highlight;

import dev.tagline.core.progress.Progress;
import dev.tagline.video.ffmpeg.Ffmpeg;
import dev.tagline.video.ffmpeg.FfmpegCommand;
import dev.tagline.video.ffmpeg.FfmpegException;
import dev.tagline.video.ffmpeg.MediaInfo;
import dev.tagline.video.signal.PaddleScreenText;
import dev.tagline.video.signal.ScreenTextAnalyser.TextChange;
import dev.tagline.video.signal.ScreenTextReader;
import dev.tagline.video.signal.VideoFrame;
import java.io.DataInputStream;
import java.io.EOFException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Reads the on-screen text of the kept clips again, from frames taken from the source at
 * {@link PaddleScreenText#READ_WIDTH} pixels wide with FFmpeg's {@code area} scaling. The pass's frames are 256 px
 * wide and scaled with two taps, which is enough to tell that the text changed, but garbles text under about 1/20 of
 * the picture's height ("Crrata, swtch cnd merge aranches" for "Create, switch and merge branches", docs/benchmarks.md,
 * issue 7 session 9). The recogniser is not always unsure of what it garbles ("Replay your cornrnlts on top of the
 * maln branch" came at over 0.9 from a 34 px line on 720p), so every moment a clip's copy may quote is read again, at
 * most {@value #PER_CLIP} per clip: a few seeks cost far less than a sharper pass over every frame.
 */
final class SharpScreenText {
    /** Timeline entries read again per clip: the text on screen at its start and what comes next. */
    static final int PER_CLIP = 4;

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
     * Indexes into {@code signals}' timeline of the entries with text that the clips show, the first {@value #PER_CLIP}
     * of each clip, each once, in time order.
     */
    static List<Integer> toRead(ClipSignals signals, List<ScoredClip> clips) {
        List<TextChange> timeline = signals.textChanges();
        TreeSet<Integer> wanted = new TreeSet<>();
        for (ScoredClip clip : clips) {
            int[] range = signals.onScreenRange(clip.candidate().start(), clip.candidate().end());
            for (int i = range[0], taken = 0; i < range[1] && taken < PER_CLIP; i++) {
                if (!timeline.get(i).lines().isEmpty()) {
                    wanted.add(i);
                    taken++;
                }
            }
        }
        return List.copyOf(wanted);
    }

    /**
     * {@code signals} with the entries the clips show read again from {@code media}. An entry keeps what the pass read
     * when its frame cannot be taken or shows no text at this size; {@code notes} then says so once.
     */
    ClipSignals reread(MediaInfo media, ClipSignals signals, List<ScoredClip> clips, Progress.Factory progress,
                       List<String> notes) {
        List<TextChange> timeline = new ArrayList<>(signals.textChanges());
        List<Integer> indexes = toRead(signals, clips);
        if (indexes.isEmpty()) {
            return signals;
        }
        MediaInfo.VideoStream video = media.firstVideo().orElseThrow();
        int width = Math.min(PaddleScreenText.READ_WIDTH, video.displayWidth()) & ~1;
        int height = Math.max(2, (int) Math.round((double) video.displayHeight() * width / video.displayWidth()) & ~1);
        int failed = 0;
        String firstFailure = null;
        try (Progress p = progress.start("Reading on-screen text of the clips", indexes.size(),
                Progress.Unit.ITEMS)) {
            for (int i : indexes) {
                TextChange was = timeline.get(i);
                try {
                    ScreenTextReader.Reading reading = reader.readWithTitle(frame(media, was.time(), width, height));
                    if (!reading.lines().isEmpty()) {
                        timeline.set(i, TextChange.of(was.time(), reading, was.change()));
                    }
                } catch (FfmpegException | FrameMissing e) {
                    failed++;
                    firstFailure = firstFailure == null ? e.getMessage() : firstFailure;
                }
                p.advance(1);
            }
        }
        if (failed > 0) {
            notes.add("On-screen text at " + failed + " of " + indexes.size() + " moments was kept as the analysis"
                    + " read it, from small frames (" + firstFailure + ").");
        }
        return signals.withTextChanges(timeline);
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
