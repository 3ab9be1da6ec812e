package dev.tagline.video.highlight;

import java.util.List;
import java.util.Locale;

/**
 * Openers that lean on earlier context, so a clip starting there does not stand alone (OpenShorts DETAIL_PROMPT
 * "STANDS ALONE": no start on a pronoun, "that", "so anyway"; video.md §5.3 "as I said earlier"). The fix the
 * reference prefers, moving the start earlier, is always among the candidates; a dangling start is penalised.
 */
final class DanglingStart {
    private static final List<String> PHRASES = List.of("so that's why", "that's why", "this is why", "as i said",
            "like i said", "as i mentioned", "as mentioned", "as we saw", "as you saw", "going back to", "so anyway",
            "anyway", "which means", "which is why", "and then", "and so", "but then", "that's", "that is",
            "it's", "they're", "he's", "she's", "after that", "because of that", "on top of that");
    private static final List<String> FIRST_WORDS = List.of("and", "but", "or", "so", "because", "which", "then",
            "also", "it", "that", "those", "these", "they", "them", "he", "she", "him", "her", "its",
            "plus", "otherwise", "still", "yet");

    private DanglingStart() {
    }

    static boolean test(String sentence) {
        String s = sentence.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("^[^\\p{L}\\p{N}]+", "");
        for (String p : PHRASES) {
            if (s.startsWith(p + " ") || s.startsWith(p + ",") || s.equals(p)) {
                return true;
            }
        }
        String first = s.split("[^\\p{L}']+", 2)[0];
        return FIRST_WORDS.contains(first);
    }
}
