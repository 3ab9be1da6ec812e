package dev.tagline.images.caption;

import java.util.List;
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
 *
 * <p>Models told "Describe zwx woman" often shorten it to the rare token ("zwx is smiling"; dogfood round 9, L5):
 * the first word of a trigger of two or more words is matched alone too when it is a rare token ({@link #rareToken}):
 * not a common word ("young woman", "red car"), not typed as a name ("Jane woman"), and the trigger's last word a
 * class noun ({@link #CLASS_NOUNS}: "woman", "dog", …). It then becomes the class as above ("zwx is smiling" → "the
 * woman is smiling"), or "the" before a class noun the model put after it ("zwx man" → "the man").
 */
final class TriggerMentions {
    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "this", "that", "these", "those", "his",
            "her", "their", "its", "our", "your", "my");
    /** Words after a one-word trigger that make it the subject of a clause, not a word before a noun. */
    private static final Set<String> NOT_NOUNS = Set.of("is", "are", "was", "were", "has", "have", "had", "with", "in",
            "on", "at", "and", "or", "by", "from", "to", "of", "for", "as", "who", "which", "that", "while", "near",
            "under", "over", "behind", "beside", "against", "into", "the", "a", "an", "looks", "sits", "stands",
            "smiles", "wears", "holds", "poses", "appears", "seems", "leans", "walks", "lies", "gazes", "stares");
    /** The classes a trigger's rare token may stand for alone: people, animals and a few things people train. */
    static final Set<String> CLASS_NOUNS = Set.of("woman", "man", "girl", "boy", "person", "lady", "guy", "child",
            "kid", "baby", "toddler", "teen", "teenager", "people", "couple", "character", "dog", "cat", "puppy",
            "kitten", "horse", "bird", "animal", "pet", "car", "robot", "doll", "toy", "creature", "face");
    /** Common first words of a two-word phrase: a trigger starting with one ("young woman") has no rare token. */
    private static final Set<String> COMMON = Set.of("a", "an", "the", "this", "that", "my", "our", "his", "her",
            "their", "your", "young", "old", "older", "elderly", "little", "small", "big", "large", "tall", "short",
            "fat", "thin", "slim", "pretty", "beautiful", "handsome", "cute", "blonde", "blond", "brunette",
            "redhead", "black", "white", "red", "blue", "green", "yellow", "brown", "gray", "grey", "pink", "purple",
            "orange", "golden", "dark", "light", "asian", "african", "european", "american", "male", "female",
            "adult", "teenage", "cartoon", "anime", "real", "wild", "smiling", "happy", "sad", "new", "good", "bad",
            "one", "two", "same", "other", "mr", "mrs", "ms", "miss", "sir", "lady", "man", "woman", "girl", "boy",
            "baby", "dog", "cat", "photo", "portrait", "style");
    private static final Pattern WORD_BEFORE = Pattern.compile("(\\p{L}+)[\\s]*$");
    private static final Pattern SENTENCE_START = Pattern.compile("(?:^|[.!?]\\s*)$");
    /** A class word then a capitalised sentence or a separator, after a trigger that leads a reply as a label. */
    private static final Pattern LABEL_CLASS = Pattern.compile(" (\\p{L}+)(?=[\\s,;:]+\\p{Lu})");
    private static final Pattern WORD_AFTER = Pattern.compile("^\\s+(\\p{Ll}+)");

    private TriggerMentions() {
    }

    /**
     * {@code text} without the trigger {@code lead} when the model wrote it first itself, as a label before its
     * sentence ("zwx woman A man", "zwx woman: a man"), in any case, so that it is written once, as its token; a
     * trigger that is a word of the sentence ("zwx woman smiling") stays. A label of the lead and a class noun ("zwx
     * woman A smiling woman" for {@code --trigger zwx}), or of the lead's rare token alone ("zwx A smiling woman" for
     * "zwx woman"), before a capitalised sentence, goes too (dogfood round 9, L5).
     */
    static String withoutEchoedLead(String text, String lead) {
        String rare = rareToken(lead);
        boolean whole = text.regionMatches(true, 0, lead, 0, lead.length());
        for (String label : rare.isEmpty() || whole ? List.of(lead) : List.of(lead, rare)) {
            if (label.isEmpty() || !text.regionMatches(true, 0, label, 0, label.length())) {
                continue;
            }
            String rest = text.substring(label.length());
            Matcher cls = LABEL_CLASS.matcher(rest);
            if (cls.lookingAt() && CLASS_NOUNS.contains(cls.group(1).toLowerCase(Locale.ROOT))) {
                return rest.substring(cls.end()).replaceFirst("^[\\s,;:]+", "");
            }
            if (rest.matches("(?s)\\s*[,;:].*") || rest.matches("(?s) \\p{Lu}.*")) {
                return rest.replaceFirst("^[\\s,;:]+", "");
            }
        }
        return text;
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

    /**
     * The first word of {@code trigger} when a mention of it alone is a mention of the trigger: the trigger has two or
     * more words, the last a class noun, and the first is neither a common word nor typed as a name ("Jane"); else "".
     */
    static String rareToken(String trigger) {
        String[] words = trigger.strip().split("\\s+");
        if (words.length < 2 || !CLASS_NOUNS.contains(words[words.length - 1].toLowerCase(Locale.ROOT))) {
            return "";
        }
        String first = words[0];
        boolean name = first.length() > 1 && Character.isUpperCase(first.charAt(0))
                && first.substring(1).equals(first.substring(1).toLowerCase(Locale.ROOT));
        boolean word = first.chars().allMatch(Character::isLetterOrDigit) && first.chars().anyMatch(Character::isLetter);
        return !word || name || COMMON.contains(first.toLowerCase(Locale.ROOT)) ? "" : first;
    }

    private static String rewriteOne(String text, String trigger) {
        String[] words = trigger.split("\\s+");
        String cls = String.join(" ", java.util.Arrays.copyOfRange(words, 1, words.length));
        String out = rewriteMentions(text, words, cls, false);
        String rare = rareToken(trigger);
        return rare.isEmpty() ? out : rewriteMentions(out, new String[] {rare}, cls, true);
    }

    private static boolean classAfter(String after) {
        Matcher next = WORD_AFTER.matcher(after);
        return next.find() && CLASS_NOUNS.contains(next.group(1));
    }

    /**
     * {@code text} with each whole-word mention of {@code words} rewritten to {@code cls}; {@code classMayFollow}: the
     * mention is a rare token alone, which becomes "the" before a class noun the model put after it ("zwx man").
     */
    private static String rewriteMentions(String text, String[] words, String cls, boolean classMayFollow) {
        Pattern mention = Pattern.compile("(?<![\\p{L}\\p{N}_])" + String.join("\\s+", java.util.Arrays.stream(words)
                .map(Pattern::quote).toList()) + "(?![\\p{L}\\p{N}_])", Pattern.CASE_INSENSITIVE
                | Pattern.UNICODE_CASE);
        Matcher m = mention.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            String before = text.substring(0, m.start());
            String after = text.substring(m.end());
            out.append(text, last, m.start());
            out.append(replacement(before, after, classMayFollow && classAfter(after) ? "" : cls));
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
        return beforeNoun(after) ? the : the + " subject";
    }

    /** Whether {@code after}, the text after a mention, starts with a word that reads as its noun ("zwx woman"). */
    private static boolean beforeNoun(String after) {
        Matcher next = WORD_AFTER.matcher(after);
        return !after.startsWith("'") && !after.startsWith("’") && next.find() && !NOT_NOUNS.contains(next.group(1))
                && !next.group(1).endsWith("ing") && !next.group(1).endsWith("ed");
    }
}
