package dev.tagline.images.caption;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the places where a model's sentence names the trigger ("A photo of zwx woman smiling" when the prompt
 * gave it the name, or a template used {@code {trigger}}), because {@code caption --trigger} already writes it first,
 * as its own comma-separated token for kohya's {@code keep_tokens}: twice would teach the trigger in two places and
 * the caption would no longer read like the one-mention prompts it is meant for. A trigger is a rare word and,
 * often, its class ("zwx woman"): a mention becomes the class, with "the" unless a determiner comes before it ("A
 * photo of the woman smiling", "A woman smiling"); a one-word trigger becomes "the" before the word the model put
 * after it as its noun ("zwx woman" → "the woman"), otherwise "the subject" ("zwx is smiling" → "the subject is
 * smiling"). Two triggers ({@code "ohwx, sks"}) are rewritten each. Matching is by whole words, in any case.
 */
final class TriggerMentions {
    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "this", "that", "these", "those", "his",
            "her", "their", "its", "our", "your", "my");
    /** Words after a one-word trigger that make it the subject of a clause, not a word before a noun. */
    private static final Set<String> NOT_NOUNS = Set.of("is", "are", "was", "were", "has", "have", "had", "with", "in",
            "on", "at", "and", "or", "by", "from", "to", "of", "for", "as", "who", "which", "that", "while", "near",
            "under", "over", "behind", "beside", "against", "into", "the", "a", "an", "looks", "sits", "stands",
            "smiles", "wears", "holds", "poses", "appears", "seems", "leans", "walks", "lies", "gazes", "stares");
    private static final Pattern WORD_BEFORE = Pattern.compile("(\\p{L}+)[\\s]*$");
    private static final Pattern SENTENCE_START = Pattern.compile("(?:^|[.!?]\\s*)$");
    private static final Pattern WORD_AFTER = Pattern.compile("^\\s+(\\p{Ll}+)");

    private TriggerMentions() {
    }

    /** {@code text} with each mention of {@code trigger}'s parts rewritten; as it is for an empty trigger. */
    static String rewrite(String text, String trigger) {
        String out = text;
        for (String part : trigger.split(",")) {
            String t = part.strip();
            if (!t.isEmpty()) {
                out = rewriteOne(out, t);
            }
        }
        return out;
    }

    private static String rewriteOne(String text, String trigger) {
        String[] words = trigger.split("\\s+");
        Pattern mention = Pattern.compile("(?<![\\p{L}\\p{N}_])" + String.join("\\s+", java.util.Arrays.stream(words)
                .map(Pattern::quote).toList()) + "(?![\\p{L}\\p{N}_])", Pattern.CASE_INSENSITIVE
                | Pattern.UNICODE_CASE);
        String cls = String.join(" ", java.util.Arrays.copyOfRange(words, 1, words.length));
        Matcher m = mention.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            String before = text.substring(0, m.start());
            String after = text.substring(m.end());
            out.append(text, last, m.start());
            out.append(replacement(before, after, cls));
            last = m.end();
        }
        if (last == 0) {
            return text;
        }
        out.append(text.substring(last));
        return out.toString().replaceAll("\\s{2,}", " ").replaceAll("\\s+([,.;:!?'’])", "$1").strip();
    }

    /** What a mention between {@code before} and {@code after} becomes; {@code cls} the trigger's class words. */
    private static String replacement(String before, String after, String cls) {
        Matcher prev = WORD_BEFORE.matcher(before);
        if (prev.find() && DETERMINERS.contains(prev.group(1).toLowerCase(Locale.ROOT))) {
            return cls; // "A zwx woman" → "A woman"
        }
        String the = SENTENCE_START.matcher(before).find() ? "The" : "the";
        if (!cls.isEmpty()) {
            return the + " " + cls;
        }
        Matcher next = WORD_AFTER.matcher(after);
        boolean beforeNoun = !after.startsWith("'") && !after.startsWith("’") && next.find()
                && !NOT_NOUNS.contains(next.group(1)) && !next.group(1).endsWith("ing")
                && !next.group(1).endsWith("ed");
        return beforeNoun ? the : the + " subject";
    }
}
