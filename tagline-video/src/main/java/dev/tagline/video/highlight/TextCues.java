package dev.tagline.video.highlight;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word cues the heuristic scorer looks for. Hook and payoff words are clipbot's {@code HeuristicScorer} lists
 * (video.md §5.2) plus the tutorial cues of video.md §5.3 and issue #7 ("the trick is", before/after, result shown);
 * bold claims and results are patterns, since their words alone ("wrong", "before") mostly make ordinary statements.
 */
final class TextCues {
    // clipbot HOOK words + issue #7 / video.md §5.3 tutorial cues
    private static final List<String> HOOK = List.of("the trick is", "here's", "here is", "listen", "secret", "tip",
            "watch", "warning", "the truth", "mistake", "nobody tells you", "you need to", "stop", "don't",
            "the problem is", "most people", "hidden", "shortcut");
    /**
     * Bold claims, each in the pattern that makes it one: "wrong" in "if something goes wrong", "only" in "only the
     * staged files", "everyone" in "hi everyone", "never"/"always" in "I always forget" are ordinary statements (dogfood
     * round 4: "a bold claim (\"wrong\")"). A claim's word on its own counts only where it has no ordinary use (crazy,
     * insane, guaranteed).
     */
    private static final List<Pattern> BOLD = patterns(
            "\\b(the|my|your|our) (best|worst|biggest|fastest|easiest|only|number one) [\\p{L}'-]+",
            "(^|\\b(you|we) (should |must )?)(never|always) [\\p{L}'-]+",
            "\\b(doing|do|did|does|get|gets|got|getting) (?!(something|anything|nothing|things)\\b)([\\p{L}'-]+ )"
                    + "{1,2}wrong\\b",
            "\\b(you're|you are|you've been|we're|we are|they're|they are|everyone is|everybody is|most people are)"
                    + " (all |so )?wrong\\b",
            "\\bthe wrong way\\b", "\\bwrong about\\b",
            "\\b(everyone|everybody|nobody|no one) (knows|tells|talks|uses|makes|gets|does|thinks|says|needs|should"
                    + "|wants|misses|forgets|ignores|skips|will)\\b",
            "\\ba must\\b", "\\bmust[- ](have|know|see|read|watch|use)\\b",
            "\\b(crazy|insane|guaranteed)\\b");
    // clipbot PAYOFF words + tutorial results
    private static final List<String> PAYOFF = List.of("that's why", "therefore", "the result", "in short",
            "ultimately", "the key is", "in summary", "bottom line", "and that's it", "that's it", "now it works",
            "and now", "which means", "so now", "done");
    /**
     * A result said in so many words, each cue in the pattern that makes it one: "before" in "before you push",
     * "works" in "git works by storing snapshots", "times" in "many times", "saved" in "I saved the file" and "instead"
     * in "use switch instead" are ordinary statements (dogfood round 4: "a result (\"before\")").
     */
    private static final List<Pattern> RESULT = patterns(
            "\\bbefore and after\\b",
            "\\b(than|compared to|compared with) (before|it was|it used to be)\\b",
            "\\b(\\d+|two|three|four|five|ten|a hundred|a thousand) ?(x|times) (faster|slower|quicker|smaller|bigger"
                    + "|cheaper|shorter|less|more|fewer)\\b",
            "\\btwice as (fast|quick|small|big|cheap|short)\\b",
            "\\b(faster|slower|quicker|smaller|cheaper|shorter|lighter) than\\b",
            "\\b(now (it|this|that|everything) works|(it|this|that|everything) (now )?works now"
                    + "|(it|this|that|everything) works(?! +(like|by|as|with|in|on|the|because|when|if|for)\\b))",
            "\\b(is|it's|that's|now|all|got|was|were|are) fixed\\b",
            "\\bfixed (it|that|this|the (bug|problem|issue|error))\\b",
            "\\b(saves?|saved|saving) (me|us|you|\\d+|hours|minutes|seconds|days|time)\\b",
            "\\bas a result\\b");
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

    /**
     * Whether {@code text} asks: one of its sentences ends in "?". A question word up front ("When you write a message,
     * describe why…") makes no question, except in a transcript without punctuation at all ({@code punctuated} false:
     * YouTube's automatic captions), where a sentence starting with one is the only sign there is.
     */
    static boolean question(String text, boolean punctuated) {
        for (String sentence : lower(text).strip().split("(?<=[.!?])\\s+")) {
            String s = sentence.strip();
            if (s.endsWith("?") || !punctuated && QUESTION_START.matcher(s).find()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the transcript marks its sentences at all: a full stop, question or exclamation mark in any of them. */
    static boolean punctuated(List<String> sentences) {
        return sentences.stream().anyMatch(s -> s.matches("(?s).*[.?!].*"));
    }

    static Optional<String> number(String text) {
        Matcher m = NUMBER.matcher(lower(text));
        return m.find() ? Optional.of(m.group().strip()) : Optional.empty();
    }

    static Optional<String> hook(String text) {
        return first(HOOK, text);
    }

    static Optional<String> bold(String text) {
        return firstMatch(BOLD, text);
    }

    static Optional<String> payoff(String text) {
        return first(PAYOFF, text);
    }

    static Optional<String> result(String text) {
        return firstMatch(RESULT, text);
    }

    /** The first pattern's match in any sentence of {@code text}, lower case ({@code ^} is a sentence's start). */
    private static Optional<String> firstMatch(List<Pattern> patterns, String text) {
        List<String> sentences = java.util.Arrays.stream(lower(text).strip().split("(?<=[.!?])\\s+"))
                .map(x -> x.replaceAll("[^\\p{L}\\p{N}' ]", " ").replaceAll(" +", " ").strip()).toList();
        for (Pattern p : patterns) {
            for (String sentence : sentences) {
                Matcher m = p.matcher(sentence);
                if (m.find()) {
                    return Optional.of(m.group().strip());
                }
            }
        }
        return Optional.empty();
    }

    private static List<Pattern> patterns(String... regexes) {
        return java.util.Arrays.stream(regexes).map(Pattern::compile).toList();
    }

    private static Optional<String> first(List<String> phrases, String text) {
        String s = " " + lower(text).replaceAll("[^\\p{L}\\p{N}' ]", " ") + " ";
        return phrases.stream().filter(p -> s.contains(" " + p + " ")).findFirst();
    }
}
