package dev.tagline.video.render;

import dev.tagline.video.transcript.Word;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a clip's words into on-screen phrases: at most two lines of at most {@code maxChars} characters, a new phrase
 * at a sentence end, at a pause, or when the phrase would stay up longer than two karaoke blocks (video.md §12.1:
 * {@code max_chars=16}, {@code max_duration=1.4} s per line). Word times are moved to the clip's clock and clamped
 * (§12.3: min ≈ 80 ms, max ≈ 1.5 s per word, pain point #6).
 */
public final class CaptionPhrases {
    static final Duration MIN_WORD = Duration.ofMillis(80);
    static final Duration MAX_WORD = Duration.ofMillis(1500);
    /** Two lines of OpenShorts' 1.4 s blocks. */
    static final Duration MAX_PHRASE = Duration.ofMillis(2800);
    /** A silence this long starts a new phrase, so text never hangs over a pause. */
    static final Duration PAUSE = Duration.ofMillis(600);
    static final int MAX_LINES = 2;

    private CaptionPhrases() {
    }

    /** The words of {@code [start, end)} of the source, on the clip's clock (0 = {@code start}). */
    public static List<Word> clipWords(List<Word> sourceWords, Duration start, Duration end) {
        Duration length = end.minus(start);
        List<Word> out = new ArrayList<>();
        for (Word w : sourceWords) {
            if (w.text().isBlank() || w.end().compareTo(start) <= 0 || w.start().compareTo(end) >= 0) {
                continue;
            }
            Duration s = max(Duration.ZERO, w.start().minus(start));
            Duration e = min(length, w.end().minus(start));
            if (e.minus(s).compareTo(MAX_WORD) > 0) {
                e = s.plus(MAX_WORD);
            }
            if (e.minus(s).compareTo(MIN_WORD) < 0) {
                e = min(length, s.plus(MIN_WORD));
            }
            if (!out.isEmpty() && out.get(out.size() - 1).end().compareTo(s) > 0) {
                Word prev = out.remove(out.size() - 1);
                out.add(new Word(prev.start(), max(prev.start(), s), prev.text()));
            }
            out.add(new Word(s, e, w.text()));
        }
        return out;
    }

    /** Phrases of {@code words} (already on the clip's clock), in order. */
    public static List<CaptionPhrase> phrases(List<Word> words, int maxChars) {
        List<CaptionPhrase> phrases = new ArrayList<>();
        List<List<Word>> lines = new ArrayList<>();
        List<Word> line = new ArrayList<>();
        int chars = 0;
        Word prev = null;
        for (Word w : words) {
            Duration phraseStart = !lines.isEmpty() ? lines.get(0).get(0).start()
                    : line.isEmpty() ? w.start() : line.get(0).start();
            boolean breakPhrase = prev != null && (endsSentence(prev.text())
                    || w.start().minus(prev.end()).compareTo(PAUSE) >= 0
                    || w.end().minus(phraseStart).compareTo(MAX_PHRASE) > 0);
            boolean fits = line.isEmpty() || chars + 1 + w.text().length() <= maxChars;
            if (breakPhrase || (!fits && lines.size() == MAX_LINES - 1)) {
                if (!line.isEmpty()) {
                    lines.add(line);
                }
                phrases.add(new CaptionPhrase(lines));
                lines = new ArrayList<>();
                line = new ArrayList<>();
                chars = 0;
            } else if (!fits) {
                lines.add(line);
                line = new ArrayList<>();
                chars = 0;
            }
            chars += (line.isEmpty() ? 0 : 1) + w.text().length();
            line.add(w);
            prev = w;
        }
        if (!line.isEmpty()) {
            lines.add(line);
        }
        if (!lines.isEmpty()) {
            phrases.add(new CaptionPhrase(lines));
        }
        return phrases;
    }

    private static boolean endsSentence(String text) {
        return text.matches(".*[.!?…][\"')\\]]*");
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
