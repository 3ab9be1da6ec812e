package dev.tagline.video.render;

import dev.tagline.video.transcript.Word;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cuts the words spoken between two pauses into phrases, choosing all cuts together (a shortest path over the cut
 * points) rather than filling each phrase greedily: greedy filling leaves the tail of a sentence alone on screen
 * ("love." for 0.27 s) and splits a question at whatever word overflows the second line. Every phrase fits
 * {@link CaptionPhrases#MAX_LINES} lines of {@code maxChars} and {@link CaptionPhrases#MAX_PHRASE}; among those cuts
 * the cheapest wins: fewer phrases, cuts at sentence ends, then after clause punctuation, then before a conjunction or
 * preposition (Netflix Timed Text Style Guide §5 line-break rules, applied to phrase breaks), no phrase shorter than
 * {@link CaptionPhrases#MIN_CUE}, and phrases of similar length.
 */
final class PhraseBreaks {
    private static final double PER_PHRASE = 10;
    private static final double SENTENCE_INSIDE = 15;
    private static final double TOO_SHORT = 40;
    private static final double CUT_AFTER_CLAUSE = 1;
    private static final double CUT_BEFORE_LINK = 3;
    private static final double CUT_ELSEWHERE = 5;
    private static final double UNEVEN = 4;
    private static final Set<String> LINKS = Set.of("and", "but", "or", "so", "because", "if", "when", "then",
            "which", "that", "of", "in", "on", "at", "to", "for", "with", "from", "by", "about", "into", "after",
            "before", "while", "until", "than");

    private PhraseBreaks() {
    }

    /** {@code words} (no pause among them) as phrases, in order; every word lands in exactly one phrase. */
    static List<CaptionPhrase> cut(List<Word> words, int maxChars) {
        int n = words.size();
        double[] best = new double[n + 1];
        int[] from = new int[n + 1];
        for (int j = 1; j <= n; j++) {
            best[j] = Double.MAX_VALUE;
            for (int i = j - 1; i >= 0; i--) {
                List<Word> piece = words.subList(i, j);
                boolean single = j - i == 1;
                if (!single && (lines(piece, maxChars) == null || span(piece).compareTo(CaptionPhrases.MAX_PHRASE) > 0)) {
                    break;
                }
                double c = best[i] + cost(words, i, j, maxChars);
                if (c < best[j]) {
                    best[j] = c;
                    from[j] = i;
                }
            }
        }
        List<CaptionPhrase> phrases = new ArrayList<>();
        for (int j = n; j > 0; j = from[j]) {
            List<Word> piece = words.subList(from[j], j);
            List<List<Word>> lines = lines(piece, maxChars);
            phrases.add(0, new CaptionPhrase(lines != null ? lines : List.of(piece)));
        }
        return phrases;
    }

    private static double cost(List<Word> words, int i, int j, int maxChars) {
        double c = PER_PHRASE;
        for (int k = i; k < j - 1; k++) {
            if (endsSentence(words.get(k).text())) {
                c += SENTENCE_INSIDE;
            }
        }
        if (j < words.size()) {
            String last = words.get(j - 1).text();
            c += endsSentence(last) ? 0 : endsClause(last) ? CUT_AFTER_CLAUSE
                    : LINKS.contains(bare(words.get(j).text())) ? CUT_BEFORE_LINK : CUT_ELSEWHERE;
        }
        List<Word> piece = words.subList(i, j);
        if (span(piece).compareTo(CaptionPhrases.MIN_CUE) < 0) {
            c += TOO_SHORT;
        }
        int room = CaptionPhrases.MAX_LINES * maxChars;
        int chars = piece.stream().mapToInt(w -> w.text().length() + 1).sum() - 1;
        double slack = Math.max(0, room - chars) / (double) room;
        return c + UNEVEN * slack * slack;
    }

    /** The words filled into lines of at most {@code maxChars}, or {@code null} when they need too many lines. */
    static List<List<Word>> lines(List<Word> words, int maxChars) {
        List<List<Word>> lines = new ArrayList<>();
        List<Word> line = new ArrayList<>();
        int chars = 0;
        for (Word w : words) {
            if (!line.isEmpty() && chars + 1 + w.text().length() > maxChars) {
                lines.add(line);
                line = new ArrayList<>();
                chars = 0;
            }
            chars += (line.isEmpty() ? 0 : 1) + w.text().length();
            line.add(w);
        }
        lines.add(line);
        return lines.size() <= CaptionPhrases.MAX_LINES ? lines : null;
    }

    private static Duration span(List<Word> piece) {
        return piece.get(piece.size() - 1).end().minus(piece.get(0).start());
    }

    static boolean endsSentence(String text) {
        return text.matches(".*[.!?…][\"')\\]]*");
    }

    private static boolean endsClause(String text) {
        return text.matches(".*[,;:–—][\"')\\]]*");
    }

    private static String bare(String text) {
        return text.replaceAll("^\\W+|\\W+$", "").toLowerCase(Locale.ROOT);
    }
}
