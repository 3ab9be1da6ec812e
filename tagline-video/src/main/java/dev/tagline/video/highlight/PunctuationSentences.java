package dev.tagline.video.highlight;

import dev.tagline.video.transcript.Word;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Sentences from punctuation, with word times attached (ClipsAI's approach, video.md §1). A word ending in
 * {@code . ! ? …} (before closing quotes or brackets) ends a sentence unless it is a common abbreviation or an
 * initial. Unpunctuated transcripts (YouTube's automatic captions) fall back on timing: a gap of at least
 * {@link #PAUSE_BREAK} between words ends a sentence, and a sentence longer than {@link #MAX_SENTENCE} is split at
 * its widest gap, so that every sentence fits in a clip.
 */
public final class PunctuationSentences implements SentenceSplitter {
    public static final Duration PAUSE_BREAK = Duration.ofMillis(700);
    public static final Duration MAX_SENTENCE = Duration.ofSeconds(20);
    private static final Set<String> ABBREVIATIONS = Set.of("mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "vs.",
            "etc.", "e.g.", "i.e.", "approx.", "no.", "fig.", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.");

    @Override
    public List<Sentence> split(List<Word> words) {
        List<List<Word>> groups = new ArrayList<>();
        List<Word> current = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            current.add(w);
            boolean gap = i + 1 < words.size()
                    && words.get(i + 1).start().minus(w.end()).compareTo(PAUSE_BREAK) >= 0;
            if (endsSentence(w.text()) || gap) {
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

    static boolean endsSentence(String word) {
        String w = word.replaceAll("[\"'”’)\\]]+$", "");
        if (!w.matches(".*[.!?…]$")) {
            return false;
        }
        String lower = w.toLowerCase(java.util.Locale.ROOT);
        return !ABBREVIATIONS.contains(lower) && !w.matches("[A-Z]\\.");
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
