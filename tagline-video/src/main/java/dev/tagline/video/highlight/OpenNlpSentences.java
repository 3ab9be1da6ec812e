package dev.tagline.video.highlight;

import dev.tagline.video.transcript.Word;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sentences with word times (ClipsAI's approach, video.md §1): OpenNLP's English sentence detector
 * ({@code dev.tagline.inference.text.SentenceSplitter}, UD-EWT model) reads the words joined by spaces, and a
 * sentence ends at the last word its span covers, unless the next word starts in lower case: the model splits after
 * some abbreviations and initials ("e.g. git", "5 p.m. on", "J. R. wrote"), and a real sentence does not go on in
 * lower case (Punkt's orthographic heuristic, in its simplest form). Unpunctuated transcripts (YouTube's automatic
 * captions) also break on timing: a gap of at least {@link #PAUSE_BREAK} between words ends a sentence, and a
 * sentence longer than {@link #MAX_SENTENCE} is split at its widest gap, so that every sentence fits in a clip.
 */
public final class OpenNlpSentences implements SentenceSplitter {
    public static final Duration PAUSE_BREAK = Duration.ofMillis(700);
    public static final Duration MAX_SENTENCE = Duration.ofSeconds(20);
    private final dev.tagline.inference.text.SentenceSplitter detector;

    public OpenNlpSentences(dev.tagline.inference.text.SentenceSplitter detector) {
        this.detector = detector;
    }

    /** With the English model from the classpath (tens of milliseconds to load; keep the instance). */
    public static OpenNlpSentences english() {
        return new OpenNlpSentences(dev.tagline.inference.text.SentenceSplitter.english());
    }

    @Override
    public List<Sentence> split(List<Word> words) {
        boolean[] ends = sentenceEnds(words);
        List<List<Word>> groups = new ArrayList<>();
        List<Word> current = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            current.add(w);
            boolean gap = i + 1 < words.size()
                    && words.get(i + 1).start().minus(w.end()).compareTo(PAUSE_BREAK) >= 0;
            if (ends[i] || gap) {
                groups.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        List<Sentence> sentences = new ArrayList<>();
        for (List<Word> g : groups) {
            for (List<Word> part : limit(g)) {
                sentences.add(sentence(sentences.size(), part));
            }
        }
        return sentences;
    }

    /** {@code ends[i]}: word i is the last word of a sentence OpenNLP found in the words joined by spaces. */
    private boolean[] sentenceEnds(List<Word> words) {
        StringBuilder text = new StringBuilder();
        int[] starts = new int[words.size()];
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) {
                text.append(' ');
            }
            starts[i] = text.length();
            text.append(words.get(i).text());
        }
        boolean[] ends = new boolean[words.size()];
        int w = 0;
        for (var span : detector.sentences(text.toString())) {
            while (w + 1 < words.size() && starts[w + 1] < span.end()) {
                w++;
            }
            if (w < words.size() && starts[w] < span.end()) {
                ends[w] = w + 1 == words.size() || !startsLowerCase(words.get(w + 1).text());
            }
        }
        return ends;
    }

    private static boolean startsLowerCase(String word) {
        return word.codePoints().filter(Character::isLetterOrDigit).findFirst().stream()
                .anyMatch(Character::isLowerCase);
    }

    /** Splits a too-long group at its widest gap, recursively. */
    private static List<List<Word>> limit(List<Word> g) {
        if (g.size() < 2 || g.get(g.size() - 1).end().minus(g.get(0).start()).compareTo(MAX_SENTENCE) <= 0) {
            return List.of(g);
        }
        int cut = 1;
        Duration widest = Duration.ofNanos(-1);
        for (int i = 1; i < g.size(); i++) {
            Duration gap = g.get(i).start().minus(g.get(i - 1).end());
            if (gap.compareTo(widest) > 0) {
                widest = gap;
                cut = i;
            }
        }
        List<List<Word>> out = new ArrayList<>(limit(g.subList(0, cut)));
        out.addAll(limit(g.subList(cut, g.size())));
        return out;
    }

    private static Sentence sentence(int id, List<Word> words) {
        String text = String.join(" ", words.stream().map(Word::text).toList());
        return new Sentence(id, words.get(0).start(), words.get(words.size() - 1).end(), text, words);
    }
}
