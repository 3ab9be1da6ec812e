package dev.tagline.video.render;

import dev.tagline.video.transcript.Word;
import java.time.Duration;
import java.util.List;

/**
 * Words shown together on screen: one or two lines, times from the clip's start.
 *
 * @param lines the phrase's lines, each a list of words
 * @param until when the phrase leaves the screen: its last word's end, or later when a short phrase is held into the
 *              silence after it so it can be read (see {@link CaptionPhrases#MIN_CUE})
 */
public record CaptionPhrase(List<List<Word>> lines, Duration until) {
    public CaptionPhrase {
        lines = lines.stream().map(List::copyOf).toList();
        if (lines.isEmpty() || lines.get(0).isEmpty()) {
            throw new IllegalArgumentException("a phrase needs words");
        }
        List<Word> last = lines.get(lines.size() - 1);
        Duration spoken = last.get(last.size() - 1).end();
        until = until == null || until.compareTo(spoken) < 0 ? spoken : until;
    }

    /** A phrase that leaves the screen when its last word ends. */
    public CaptionPhrase(List<List<Word>> lines) {
        this(lines, null);
    }

    public List<Word> words() {
        return lines.stream().flatMap(List::stream).toList();
    }

    public Duration start() {
        return lines.get(0).get(0).start();
    }

    public Duration end() {
        return until;
    }

    /** The phrase held on screen until {@code time} (never earlier than its last word's end). */
    CaptionPhrase heldUntil(Duration time) {
        return new CaptionPhrase(lines, time);
    }

    /** The phrase as plain text, lines separated by {@code \n}. */
    public String text() {
        StringBuilder s = new StringBuilder();
        for (List<Word> line : lines) {
            if (s.length() > 0) {
                s.append('\n');
            }
            s.append(String.join(" ", line.stream().map(Word::text).toList()));
        }
        return s.toString();
    }
}
