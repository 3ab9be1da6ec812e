package dev.tagline.video.copy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A generated title of at most {@link Platform#SHORT_TITLE} characters that never stops mid-phrase where a better one
 * exists (dogfood round 4: "When you write a message, describe why you made the…" while the slide "Commit Small and
 * Often" was on screen). From speech, in this order: the hook line when it is one (at most 10 words, video.md §5.3
 * {@code hook_text}, and whole); the slide title set bigger on screen during the clip, when the speech says one of
 * its words ({@link #spokenAbout}); the whole opening sentence; the opening sentence up to a clause boundary (a
 * comma, a dash, "and", "but", "because", "when" …); another short sentence of the clip's first three that stands
 * alone; only then the opening cut at a word, with an ellipsis. Pure.
 */
final class ClipTitle {
    /** video.md §5.3: {@code hook_text} is at most 10 words; a longer opening is a statement, not a hook line. */
    static final int HOOK_WORDS = 10;
    /** A clause shorter than this says too little to title a clip ("When you"). */
    static final int MIN_CLAUSE_WORDS = 4;
    private static final Pattern CLAUSE_BREAK = Pattern.compile("\\s*[,;:]\\s|\\s+[–—-]\\s+|\\s+(?=(and|but|or|so"
            + "|because|which|while|when|where|then|until|unless|if|since|though|although|whereas)\\b)",
            Pattern.CASE_INSENSITIVE);
    /** First words of a sentence that leans on the one before (highlight.DanglingStart's, in short). */
    private static final Set<String> LEANING = Set.of("and", "but", "or", "so", "because", "which", "then", "also",
            "it", "it's", "that", "that's", "this", "these", "those", "they", "he", "she", "there");

    private ClipTitle() {
    }

    /** The title from the clip's speech and on-screen {@code slide} title (may be empty); empty without speech. */
    static String spoken(CopyInput in, List<String> sentences, String slide) {
        String hook = in.hookText().isEmpty() ? (sentences.isEmpty() ? "" : sentences.get(0)) : in.hookText();
        if (hook.isEmpty()) {
            return "";
        }
        String line = clean(hook);
        if (!cut(hook) && words(line) <= HOOK_WORDS && fits(line)) {
            return line;
        }
        String heading = clean(slide);
        if (!heading.isEmpty() && fits(heading)) {
            return heading;
        }
        String opening = whole(hook, in.clipText());
        String clause = clause(opening);
        if (!clause.isEmpty()) {
            return clause;
        }
        for (String s : sentences.subList(Math.min(1, sentences.size()), Math.min(3, sentences.size()))) {
            String other = clean(s);
            if (fits(other) && words(other) >= MIN_CLAUSE_WORDS && !LEANING.contains(firstWord(other))) {
                return other;
            }
        }
        return TextLength.trim(opening, ClipTitle::fits);
    }

    /**
     * Whether the speech says a word of the slide title (three letters or more, no stop word; "commits" says
     * "commit"): a slide the clip talks about, not a lower third or another window's title.
     */
    static boolean spokenAbout(String slide, String clipText) {
        List<String> said = KeyPhrases.tokens(clipText);
        return KeyPhrases.tokens(slide).stream().filter(w -> w.length() >= 3 && !KeyPhrases.STOP.contains(w))
                .anyMatch(w -> said.stream().anyMatch(s -> s.equals(w) || s.length() >= 4 && w.length() >= 4
                        && (s.startsWith(w) || w.startsWith(s))));
    }

    /** {@code line} as a title: whole if it fits, else up to its last clause boundary that fits, else cut at a word. */
    static String of(String line) {
        String t = clean(line);
        String clause = clause(t);
        return !clause.isEmpty() ? clause : TextLength.trim(t, ClipTitle::fits);
    }

    /** The line whole when it fits, else its longest head ending at a clause boundary that fits; empty for none. */
    static String clause(String line) {
        if (fits(line)) {
            return line;
        }
        String best = "";
        Matcher m = CLAUSE_BREAK.matcher(line);
        while (m.find()) {
            String head = clean(line.substring(0, m.start()));
            if (fits(head) && words(head) >= MIN_CLAUSE_WORDS) {
                best = head;
            }
        }
        return best;
    }

    /**
     * The whole sentence a cut hook line ("When you write a message, describe why you made the…") starts in the
     * clip's text, up to its end mark; the hook itself when it is whole or cannot be found.
     */
    static String whole(String hook, String clipText) {
        if (!cut(hook)) {
            return clean(hook);
        }
        String start = hook.strip().replaceAll("(…|\\.\\.\\.)$", "").strip().replaceAll("\\s+", " ");
        String text = clipText.replaceAll("\\s+", " ");
        int at = text.toLowerCase(Locale.ROOT).indexOf(start.toLowerCase(Locale.ROOT));
        if (start.isEmpty() || at < 0) {
            return clean(hook);
        }
        Matcher end = Pattern.compile("[.!?](\\s|$)").matcher(text);
        int stop = end.find(at + start.length()) ? end.start() + 1 : text.length();
        return clean(text.substring(at, stop));
    }

    private static boolean cut(String line) {
        return line.strip().endsWith("…") || line.strip().endsWith("...");
    }

    /** One line, capitalised, without a trailing full stop, comma or colon (a question mark stays). */
    static String clean(String line) {
        String t = line.strip().replaceAll("\\s+", " ").replaceAll("[.,;:]+$", "").strip();
        return t.isEmpty() ? t : t.substring(0, 1).toUpperCase(Locale.ROOT) + t.substring(1);
    }

    private static boolean fits(String title) {
        return title.length() <= Platform.SHORT_TITLE;
    }

    private static int words(String s) {
        return s.isBlank() ? 0 : s.strip().split("\\s+").length;
    }

    private static String firstWord(String s) {
        return s.strip().split("[^\\p{L}'’]+", 2)[0].toLowerCase(Locale.ROOT).replace('’', '\'');
    }
}
