package dev.tagline.video.transcript;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What was said, in time order, and where it came from ({@code source}: a file name, "embedded subtitles #0", or
 * the speech-to-text server). {@link #words()} gives word times: the source's own when it has them
 * ({@link #wordTimed()}), otherwise spread over each cue in proportion to the words' lengths, which is good enough
 * to choose a sentence but not to cut on; boundary snapping then relies on pauses as well.
 */
public record Transcript(String source, List<Cue> cues) {
    public Transcript {
        cues = List.copyOf(cues);
    }

    public static Transcript empty(String source) {
        return new Transcript(source, List.of());
    }

    public boolean isEmpty() {
        return cues.stream().allMatch(c -> c.text().isBlank());
    }

    /** True when every cue with text carries its own word times. */
    public boolean wordTimed() {
        return !isEmpty() && cues.stream().allMatch(c -> c.text().isBlank() || !c.words().isEmpty());
    }

    /** All words in order, measured or estimated (see the class comment). */
    public List<Word> words() {
        List<Word> out = new ArrayList<>();
        for (Cue cue : cues) {
            out.addAll(cue.words().isEmpty() ? estimate(cue) : cue.words());
        }
        return out;
    }

    /** Spreads a cue's words over its time by character count (+1 for the gap after each word). */
    static List<Word> estimate(Cue cue) {
        String[] tokens = cue.text().split("\\s+");
        if (cue.text().isBlank()) {
            return List.of();
        }
        int total = 0;
        for (String t : tokens) {
            total += t.length() + 1;
        }
        long span = cue.end().minus(cue.start()).toNanos();
        List<Word> words = new ArrayList<>();
        long at = 0;
        for (String t : tokens) {
            long length = span * (t.length() + 1) / total;
            long spoken = span * t.length() / total;
            words.add(new Word(cue.start().plusNanos(at), cue.start().plusNanos(at + spoken), t));
            at += length;
        }
        return words;
    }

    /** The end of the last cue. */
    public Duration end() {
        return cues.isEmpty() ? Duration.ZERO : cues.get(cues.size() - 1).end();
    }
}
