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
import dev.tagline.video.signal.VideoFrame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The finder's analysers after the one decoding pass; speech activity and on-screen text only when their models are
 * there.
 */
record SignalPass(LoudnessAnalyser loudness, PauseAnalyser pauses, SceneCutAnalyser cuts, MotionAnalyser motion,
                  Optional<SpeechActivityAnalyser> speech, Optional<ScreenTextAnalyser> screenText) {
    /** On-screen text is read at every scene cut and at least this often between cuts. */
    static final Duration SCREEN_TEXT_EVERY = Duration.ofSeconds(10);

    /** Decodes {@code media} once through every analyser, showing the position as progress. */
    static SignalPass run(Ffmpeg ffmpeg, Progress.Factory progress, MediaInfo media, DecodeOptions decode,
                          Optional<SpeechDetector> vad, Optional<ScreenTextReader> ocr) {
        SceneCutAnalyser cuts = new SceneCutAnalyser();
        SignalPass pass = new SignalPass(new LoudnessAnalyser(), new PauseAnalyser(), cuts, new MotionAnalyser(),
                vad.map(SpeechActivityAnalyser::new),
                ocr.map(reader -> new ScreenTextAnalyser(reader, cuts, SCREEN_TEXT_EVERY)));
        try (Progress p = progress.start("Analysing " + media.file().getFileName(), media.duration().toSeconds(),
                Progress.Unit.ITEMS)) {
            List<SignalAnalyser> analysers = new ArrayList<>(List.of(pass.loudness, pass.pauses, cuts, pass.motion));
            pass.speech.ifPresent(analysers::add);
            pass.screenText.ifPresent(analysers::add); // after the cuts, which it reads
            analysers.add(new SignalAnalyser() {
                @Override
                public void onFrame(VideoFrame frame) {
                    p.jumpTo(frame.time().toSeconds());
                }
            });
            new DecodingPass(ffmpeg, decode).run(media, analysers);
        }
        return pass;
    }

    /** What the missing signals mean for the result. */
    List<String> notes(boolean audio) {
        List<String> notes = new ArrayList<>();
        if (!audio) {
            notes.add("No audio stream: clips are chosen from the picture only.");
        } else if (speech.isEmpty()) {
            notes.add("Speech activity (Silero VAD) is not available: speech is the sound between pauses.");
        }
        if (screenText.isEmpty()) {
            notes.add("On-screen text (OCR) is not available: text changes do not count in the visual score.");
        }
        return notes;
    }
}
