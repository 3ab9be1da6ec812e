package dev.tagline.video.highlight;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word cues the heuristic scorer looks for. Hook and payoff words are clipbot's {@code HeuristicScorer} lists
 * (video.md §5.2) plus the tutorial cues of video.md §5.3 and issue #7 ("the trick is", before/after, result shown).
 */
final class TextCues {
    // clipbot HOOK words + issue #7 / video.md §5.3 tutorial cues
    private static final List<String> HOOK = List.of("the trick is", "here's", "here is", "listen", "secret", "tip",
            "watch", "warning", "the truth", "mistake", "nobody tells you", "you need to", "stop", "don't",
            "the problem is", "most people", "hidden", "shortcut");
    private static final List<String> BOLD = List.of("never", "always", "best", "worst", "only", "biggest",
            "fastest", "easiest", "crazy", "everyone", "nobody", "wrong", "must", "guaranteed", "insane");
    // clipbot PAYOFF words + tutorial results
    private static final List<String> PAYOFF = List.of("that's why", "therefore", "the result", "in short",
            "ultimately", "the key is", "in summary", "bottom line", "and that's it", "that's it", "now it works",
            "and now", "which means", "so now", "done");
    private static final List<String> RESULT = List.of("before", "after", "faster", "slower", "times", "saved",
            "works", "fixed", "result", "instead");
    /**
     * A number and the word it counts ("3 ways", "five mistakes", "90%"). "one" is left out: in speech it is mostly
     * "one of", "this one", "the one thing", not a count worth a hook.
     */
    private static final Pattern NUMBER = Pattern.compile("\\b(\\d+([.,]\\d+)*(\\s?(%|x\\b|percent\\b))?"
            + "|(two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred|thousand|million|billion|half"
            + "|double)\\b)"
            + "(\\s+(?!(of|and|or|to|the|a|is|are)\\b)\\p{L}[\\p{L}'-]*)?");
    private static final Pattern QUESTION_START = Pattern.compile("^(why|how|what|when|who|which|where|did you"
            + "|do you|have you|can you|is it|are you|ever wonder)\\b");

    private TextCues() {
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT).replace('’', '\'');
    }

    static boolean question(String text) {
        String s = lower(text).strip();
        return s.endsWith("?") || QUESTION_START.matcher(s).find();
    }

    static Optional<String> number(String text) {
        Matcher m = NUMBER.matcher(lower(text));
        return m.find() ? Optional.of(m.group().strip()) : Optional.empty();
    }

    static Optional<String> hook(String text) {
        return first(HOOK, text);
    }

    static Optional<String> bold(String text) {
        return first(BOLD, text);
    }

    static Optional<String> payoff(String text) {
        return first(PAYOFF, text);
    }

    static Optional<String> result(String text) {
        return first(RESULT, text);
    }

    private static Optional<String> first(List<String> phrases, String text) {
        String s = " " + lower(text).replaceAll("[^\\p{L}\\p{N}' ]", " ") + " ";
        return phrases.stream().filter(p -> s.contains(" " + p + " ")).findFirst();
    }
}
