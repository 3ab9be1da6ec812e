package dev.tagline.video.transcript;

import dev.tagline.inference.openai.Transcription;
import dev.tagline.inference.openai.VerboseJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Transcript JSON with word times in the OpenAI {@code verbose_json} shape (whisper, faster-whisper servers,
 * WhisperX), from a file next to the video or a speech-to-text answer. Words are attached to the segment whose time
 * holds their midpoint; without segments each sentence-ending word closes a cue.
 */
public final class TranscriptJson {
    private TranscriptJson() {
    }

    public static Transcript parse(String json, String source) {
        return fromTranscription(VerboseJson.parse(json, source), source, Duration.ZERO);
    }

    /** Converts an answer, adding {@code offset} (the chunk's start in the video) to every time. */
    public static Transcript fromTranscription(Transcription t, String source, Duration offset) {
        List<Word> words = new ArrayList<>();
        for (Transcription.Word w : t.words()) {
            if (!w.word().isBlank()) {
                words.add(new Word(seconds(w.startSeconds()).plus(offset), seconds(w.endSeconds()).plus(offset),
                        w.word()));
            }
        }
        List<Cue> cues = new ArrayList<>();
        if (t.segments().isEmpty()) {
            List<Word> current = new ArrayList<>();
            for (Word w : words) {
                current.add(w);
                if (w.text().matches(".*[.!?]$")) {
                    cues.add(cue(current));
                    current = new ArrayList<>();
                }
            }
            if (!current.isEmpty()) {
                cues.add(cue(current));
            }
            return new Transcript(source, cues);
        }
        int next = 0;
        for (int s = 0; s < t.segments().size(); s++) {
            Transcription.Segment seg = t.segments().get(s);
            Duration start = seconds(seg.startSeconds()).plus(offset);
            Duration end = seconds(seg.endSeconds()).plus(offset);
            List<Word> inside = new ArrayList<>();
            boolean last = s == t.segments().size() - 1;
            while (next < words.size() && (last || midpoint(words.get(next)).compareTo(end) < 0)) {
                inside.add(words.get(next++));
            }
            cues.add(new Cue(start, end, seg.text(), inside));
        }
        return new Transcript(source, cues);
    }

    private static Cue cue(List<Word> words) {
        return new Cue(words.get(0).start(), words.get(words.size() - 1).end(),
                String.join(" ", words.stream().map(Word::text).toList()), words);
    }

    private static Duration midpoint(Word w) {
        return w.start().plus(w.end().minus(w.start()).dividedBy(2));
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos(Math.round(s * 1e9));
    }
}
