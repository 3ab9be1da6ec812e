package dev.tagline.video.highlight;

import dev.tagline.core.progress.Progress;
import dev.tagline.inference.speech.SpeechDetector;
import dev.tagline.video.ffmpeg.Ffmpeg;
import dev.tagline.video.ffmpeg.MediaInfo;
import dev.tagline.video.signal.DecodeOptions;
import dev.tagline.video.signal.DecodingPass;
import dev.tagline.video.signal.LoudnessAnalyser;
import dev.tagline.video.signal.MotionAnalyser;
import dev.tagline.video.signal.PauseAnalyser;
import dev.tagline.video.signal.SceneCutAnalyser;
import dev.tagline.video.signal.ScreenTextAnalyser;
import dev.tagline.video.signal.ScreenTextReader;
import dev.tagline.video.signal.SignalAnalyser;
import dev.tagline.video.signal.SpeechActivityAnalyser;
import dev.tagline.video.signal.TimeSeries;
import dev.tagline.video.signal.VideoFrame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;

/**
 * The finder's signals after the one decoding pass; speech activity and on-screen text only when their models are
 * there. The sound is analysed whole on the calling thread; the picture in {@link DecodingPass#stretches} (one per
 * core on a long video), each by analysers of its own, then joined: a stretch's cuts, motion and text changes come
 * from the analysers that watched it, which started {@link #WARM_UP} earlier and went on {@link #WARM_UP} later, so
 * that they know the frames before it (the previous frame, the flash filter's last cut, the last text read) and can
 * confirm a cut that the flash filter reports late.
 */
record SignalPass(LoudnessAnalyser loudness, PauseAnalyser pauses, Optional<SpeechActivityAnalyser> speech,
                  List<Duration> cuts, TimeSeries motion, Optional<List<ScreenTextAnalyser.TextChange>> textChanges) {
    /** On-screen text is read at every scene cut and at least this often between cuts. */
    static final Duration SCREEN_TEXT_EVERY = Duration.ofSeconds(10);
    /**
     * How far beyond its stretch each part of the picture is analysed: more than the flash filter's memory (15
     * frames) and than {@link #SCREEN_TEXT_EVERY}, so a stretch's first cuts and readings are those of one pass.
     */
    static final Duration WARM_UP = Duration.ofSeconds(15);

    /** One part of the picture's analysis. */
    private record VideoPart(SceneCutAnalyser cuts, MotionAnalyser motion, Optional<ScreenTextAnalyser> text) {
    }

    /** Decodes {@code media} once through every analyser, showing the position as progress. */
    static SignalPass run(Ffmpeg ffmpeg, Progress.Factory progress, MediaInfo media, DecodeOptions decode,
                          Optional<SpeechDetector> vad, Optional<ScreenTextReader> ocr) {
        return run(ffmpeg, progress, media, decode, vad, ocr,
                DecodingPass.stretches(media.duration(), Runtime.getRuntime().availableProcessors()));
    }

    /** {@link #run} with the picture in stretches from {@code starts} (the first zero). */
    static SignalPass run(Ffmpeg ffmpeg, Progress.Factory progress, MediaInfo media, DecodeOptions decode,
                          Optional<SpeechDetector> vad, Optional<ScreenTextReader> ocr, List<Duration> starts) {
        LoudnessAnalyser loudness = new LoudnessAnalyser();
        PauseAnalyser pauses = new PauseAnalyser();
        Optional<SpeechActivityAnalyser> speech = vad.map(SpeechActivityAnalyser::new);
        List<SignalAnalyser> audio = new ArrayList<>(List.of(loudness, pauses));
        speech.ifPresent(audio::add);
        Optional<ScreenTextReader> reader = ocr.map(SignalPass::oneAtATime);
        List<VideoPart> parts = new ArrayList<>();
        List<DecodingPass.VideoSegment> segments = new ArrayList<>();
        AtomicLongArray done = new AtomicLongArray(starts.size()); // nanoseconds analysed in each stretch
        try (Progress p = progress.start("Analysing " + media.file().getFileName(), media.duration().toSeconds(),
                Progress.Unit.SECONDS)) {
            for (int i = 0; i < starts.size(); i++) {
                SceneCutAnalyser cuts = new SceneCutAnalyser();
                VideoPart part = new VideoPart(cuts, new MotionAnalyser(),
                        reader.map(r -> new ScreenTextAnalyser(r, cuts, SCREEN_TEXT_EVERY)));
                parts.add(part);
                Duration start = starts.get(i);
                Optional<Duration> next = i + 1 < starts.size() ? Optional.of(starts.get(i + 1)) : Optional.empty();
                List<SignalAnalyser> analysers = new ArrayList<>(List.of(part.cuts(), part.motion()));
                part.text().ifPresent(analysers::add); // after the cuts, which it reads
                int stretch = i;
                analysers.add(new SignalAnalyser() {
                    @Override
                    public void onFrame(VideoFrame frame) {
                        Duration in = frame.time().minus(start);
                        Duration length = next.map(n -> n.minus(start)).orElse(in);
                        if (!in.isNegative() && in.compareTo(length) <= 0) {
                            done.set(stretch, in.toNanos());
                            long total = 0;
                            for (int k = 0; k < done.length(); k++) {
                                total += done.get(k);
                            }
                            synchronized (p) {
                                p.jumpTo(total / 1_000_000_000L);
                            }
                        }
                    }
                });
                Duration from = start.minus(WARM_UP).isNegative() ? Duration.ZERO : start.minus(WARM_UP);
                segments.add(new DecodingPass.VideoSegment(from, next.map(n -> n.plus(WARM_UP)), analysers));
            }
            new DecodingPass(ffmpeg, decode).run(media, audio, segments);
        }
        List<Duration> cuts = new ArrayList<>();
        List<ScreenTextAnalyser.TextChange> changes = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Duration from = starts.get(i);
            Duration to = i + 1 < starts.size() ? starts.get(i + 1) : null;
            cuts.addAll(within(parts.get(i).cuts().cuts(), t -> t, from, to));
            parts.get(i).text().ifPresent(t -> changes.addAll(within(t.timeline(),
                    ScreenTextAnalyser.TextChange::time, from, to)));
        }
        TimeSeries motion = TimeSeries.splice(parts.stream().map(v -> v.motion().motion()).toList(), starts);
        return new SignalPass(loudness, pauses, speech, List.copyOf(cuts), motion,
                reader.map(r -> List.copyOf(changes)));
    }

    /** The items of {@code items} whose time is in [{@code from}, {@code to}); {@code to} null: no end. */
    static <T> List<T> within(List<T> items, Function<T, Duration> time, Duration from, Duration to) {
        return items.stream().filter(x -> time.apply(x).compareTo(from) >= 0
                && (to == null || time.apply(x).compareTo(to) < 0)).toList();
    }

    /** {@code reader} for the stretches' analysers: one reading at a time, as {@link ScreenTextReader} promises. */
    private static ScreenTextReader oneAtATime(ScreenTextReader reader) {
        return new ScreenTextReader() {
            @Override
            public synchronized List<String> read(VideoFrame frame) {
                return reader.read(frame);
            }

            @Override
            public synchronized Reading readWithTitle(VideoFrame frame) {
                return reader.readWithTitle(frame);
            }
        };
    }

    /** What the missing signals mean for the result. */
    List<String> notes(boolean audio) {
        List<String> notes = new ArrayList<>();
        if (!audio) {
            notes.add("No audio stream: clips are chosen from the picture only.");
        } else if (speech.isEmpty()) {
            notes.add("Speech activity (Silero VAD) is not available: speech is the sound between pauses.");
        }
        if (textChanges.isEmpty()) {
            notes.add("On-screen text (OCR) is not available: text changes do not count in the visual score.");
        }
        return notes;
    }
}
