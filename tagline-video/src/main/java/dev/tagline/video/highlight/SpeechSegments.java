package dev.tagline.video.highlight;

import dev.tagline.video.signal.Pause;
import dev.tagline.video.signal.SpeechSegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Stretches of speech: Silero VAD's segments, or the sound between pauses when VAD is not available. They are what
 * speech-to-text is sent in and, without a transcript, the "sentences" clips are built from (split to at most
 * {@link #MAX_UNIT} so windows can fit a band). Without audio the whole video is cut into {@link #MAX_UNIT} pieces.
 */
final class SpeechSegments {
    static final Duration MAX_UNIT = Duration.ofSeconds(10);
    /** Picture after the last speech at least this long is a unit of its own. */
    static final Duration TAIL = Duration.ofSeconds(1);

    /** A stretch of sound. */
    record Unit(Duration start, Duration end) {
    }

    private SpeechSegments() {
    }

    static List<Unit> of(List<SpeechSegment> vad) {
        return vad.stream().map(s -> new Unit(s.start(), s.end())).toList();
    }

    static List<Unit> between(List<Pause> pauses, Duration end) {
        List<Unit> out = new ArrayList<>();
        Duration at = Duration.ZERO;
        for (Pause p : pauses) {
            if (p.start().compareTo(at) > 0) {
                out.add(new Unit(at, p.start()));
            }
            at = p.end();
        }
        if (end.compareTo(at) > 0) {
            out.add(new Unit(at, end));
        }
        return out;
    }

    private static List<Unit> atPauses(List<Unit> units, List<Pause> pauses) {
        List<Unit> out = new ArrayList<>();
        for (Unit u : units) {
            Duration at = u.start();
            for (Pause p : pauses) {
                if (p.start().compareTo(at) > 0 && p.end().compareTo(u.end()) < 0) {
                    out.add(new Unit(at, p.start()));
                    at = p.end();
                }
            }
            out.add(new Unit(at, u.end()));
        }
        return out;
    }

    static List<SpeechSegment> segments(List<Unit> units) {
        return units.stream().map(u -> new SpeechSegment(u.start(), u.end())).toList();
    }

    /**
     * The "sentences" of a video without transcript: its speech units, split to {@link #MAX_UNIT}. The picture after
     * the last speech (at least {@link #TAIL} of it) is one more unit, so the video's end is a clip boundary too: a
     * screencast whose narration stops while the terminal runs can end on the result (dogfood round 3).
     */
    static List<Sentence> sentences(List<Unit> units, Duration end) {
        return sentences(units, List.of(), end);
    }

    /**
     * As above, each unit first cut at the pauses inside it, so that a clip can start where speech starts again:
     * Silero's 2 s minimum silence joins a whole talk into one unit, and cutting it every 10 s alone started clips in
     * mid-sentence 6 s from a 1.2 s pause (dogfood round 4). A piece still over {@link #MAX_UNIT} is cut every 10 s.
     */
    static List<Sentence> sentences(List<Unit> units, List<Pause> pauses, Duration end) {
        List<Unit> source = units.isEmpty() ? List.of(new Unit(Duration.ZERO, end)) : atPauses(units, pauses);
        Duration last = source.get(source.size() - 1).end();
        if (end.minus(last).compareTo(TAIL) >= 0) {
            source = new ArrayList<>(source);
            source.add(new Unit(last, end));
        }
        List<Sentence> out = new ArrayList<>();
        for (Unit u : source) {
            for (Duration s = u.start(); s.compareTo(u.end()) < 0; s = s.plus(MAX_UNIT)) {
                Duration e = s.plus(MAX_UNIT).compareTo(u.end()) < 0 ? s.plus(MAX_UNIT) : u.end();
                out.add(new Sentence(out.size(), s, e, "", List.of()));
            }
        }
        return out;
    }
}
