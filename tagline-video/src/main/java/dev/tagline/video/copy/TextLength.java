package dev.tagline.video.copy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text measures and trimming that never cut inside a word or a surrogate pair. */
final class TextLength {
    private static final Pattern URL = Pattern.compile("https?://\\S+");
    /** twitter-text v3 weighting: a URL counts 23 (publishing.md §X). */
    static final int URL_WEIGHT = 23;

    private TextLength() {
    }

    /**
     * twitter-text v3 weighted length: code points in U+0000–U+10FF, U+2000–U+200D, U+2010–U+201F and U+2032–U+2037
     * count 1, every other code point (CJK, emoji) counts 2, each URL counts 23.
     */
    static int weighted(String text) {
        Matcher m = URL.matcher(text);
        int total = 0;
        int at = 0;
        while (m.find()) {
            total += plain(text.substring(at, m.start())) + URL_WEIGHT;
            at = m.end();
        }
        return total + plain(text.substring(at));
    }

    private static int plain(String s) {
        return s.codePoints().map(c -> c <= 0x10FF || (c >= 0x2000 && c <= 0x200D) || (c >= 0x2010 && c <= 0x201F)
                || (c >= 0x2032 && c <= 0x2037) ? 1 : 2).sum();
    }

    /** {@code text} cut at a word boundary so that {@code fits} holds, with an ellipsis when something was cut. */
    static String trim(String text, java.util.function.Predicate<String> fits) {
        String t = text.strip();
        if (fits.test(t)) {
            return t;
        }
        String[] words = t.split("\\s+");
        StringBuilder out = new StringBuilder();
        for (String w : words) {
            String next = out.length() == 0 ? w : out + " " + w;
            if (!fits.test(next + "…")) {
                break;
            }
            out.setLength(0);
            out.append(next);
        }
        String base = out.toString().replaceAll("[\\s,;:–-]+$", "");
        return base.isEmpty() ? "" : base + "…";
    }
}
