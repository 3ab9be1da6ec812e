package dev.tagline.video.render;

import dev.tagline.video.transcript.Word;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a clip's words into on-screen phrases: at most two lines of at most {@code maxChars} characters, a new phrase
 * at a pause, none longer than two karaoke blocks (video.md §12.1: {@code max_chars=16}, {@code max_duration=1.4} s
 * per line), cut preferably at sentence and clause ends and never leaving a word alone on screen for less than
 * {@link #MIN_CUE}. Word times are moved to the clip's clock and clamped
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
    /**
     * The shortest time a phrase stays on screen: Netflix Timed Text Style Guide, General Requirements §1 ("minimum
     * duration: 5/6 of a second per subtitle event"). A word flashed for less cannot be read.
     */
    static final Duration MIN_CUE = Duration.ofMillis(833);

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

    /** Phrases of {@code words} (already on the clip's clock), in order; a short last phrase is held at will. */
    public static List<CaptionPhrase> phrases(List<Word> words, int maxChars) {
        return phrases(words, maxChars, null);
    }

    /**
     * Phrases of {@code words} (already on the clip's clock), in order. Words between pauses are cut where
     * {@link PhraseBreaks} finds it reads best; then a phrase still shorter than {@link #MIN_CUE} (a lone "Okay."
     * between silences) is held on screen into the silence after it, up to the next phrase or {@code clipLength}
     * ({@code null}: no limit).
     */
    public static List<CaptionPhrase> phrases(List<Word> words, int maxChars, Duration clipLength) {
        List<CaptionPhrase> phrases = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= words.size(); i++) {
            if (i == words.size() || words.get(i).start().minus(words.get(i - 1).end()).compareTo(PAUSE) >= 0) {
                phrases.addAll(PhraseBreaks.cut(words.subList(from, i), maxChars));
                from = i;
            }
        }
        List<CaptionPhrase> held = new ArrayList<>();
        for (int i = 0; i < phrases.size(); i++) {
            CaptionPhrase p = phrases.get(i);
            Duration limit = i + 1 < phrases.size() ? phrases.get(i + 1).start() : clipLength;
            Duration want = p.start().plus(MIN_CUE);
            held.add(p.end().compareTo(want) >= 0 ? p : p.heldUntil(limit == null ? want : min(want, limit)));
        }
        return held;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
