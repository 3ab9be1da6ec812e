package dev.tagline.video.signal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repairs a case slip of the text recogniser: letters whose small and capital forms share a shape (c o s u v w x z)
 * come out small inside an all-capital word ("JSoN", "PoSIX"), and such words reach clip titles and hashtags. A word
 * is made all capitals when it has at least three capitals and every small letter in it is one of those, between two
 * capitals; "IoT", "SoC" (two capitals), "IDs", "URLs" (a plural's s at the end) and "LaTeX" stay as they are. Pure.
 */
public final class OcrCase {
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final String SHAPE_ALIKE = "cosuvwxz";

    private OcrCase() {
    }

    public static String repair(String line) {
        Matcher m = WORD.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(word(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String word(String w) {
        int capitals = 0;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isUpperCase(c)) {
                capitals++;
            } else if (SHAPE_ALIKE.indexOf(c) < 0 || i == 0 || i == w.length() - 1
                    || !Character.isUpperCase(w.charAt(i - 1)) || !Character.isUpperCase(w.charAt(i + 1))) {
                return w;
            }
        }
        return capitals >= 3 && capitals < w.length() ? w.toUpperCase(java.util.Locale.ROOT) : w;
    }
}
