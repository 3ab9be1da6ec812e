package dev.tagline.video.render;

import dev.tagline.video.transcript.Word;
import java.time.Duration;
import java.util.List;

/**
 * Words shown together on screen: one or two lines, times from the clip's start.
 *
 * @param lines the phrase's lines, each a list of words
 */
public record CaptionPhrase(List<List<Word>> lines) {
    public CaptionPhrase {
        lines = lines.stream().map(List::copyOf).toList();
        if (lines.isEmpty() || lines.get(0).isEmpty()) {
            throw new IllegalArgumentException("a phrase needs words");
        }
    }

    public List<Word> words() {
        return lines.stream().flatMap(List::stream).toList();
    }

    public Duration start() {
        return lines.get(0).get(0).start();
    }

    public Duration end() {
        List<Word> last = lines.get(lines.size() - 1);
        return last.get(last.size() - 1).end();
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
