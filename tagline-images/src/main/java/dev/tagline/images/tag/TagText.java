package dev.tagline.images.tag;

import dev.tagline.core.TaglineException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Tag text: Danbooru underscores, the kaomoji that keep them, escaping, and the list syntax of the options. */
final class TagText {
    /** SmilingWolf/wd-tagger app.py {@code kaomojis}: tags whose underscores are part of the face (19). */
    static final Set<String> KAOMOJI = Set.of("0_0", "(o)_(o)", "+_+", "+_-", "._.", "<o>_<o>", "<|>_<|>", "=_=",
            ">_<", "3_3", "6_9", ">_o", "@_@", "^_^", "o_o", "u_u", "x_x", "|_|", "||_||");

    private TagText() {
    }

    /** {@code long_hair → long hair}; kaomoji stay as they are (SW app.py). */
    static String spaces(String tag) {
        return KAOMOJI.contains(tag) ? tag : tag.replace('_', ' ');
    }

    /** {@code (} → {@code \(}, {@code )} → {@code \)}: prompt syntax (SW app.py, corkborg). */
    static String escapeParens(String tag) {
        return tag.replace("(", "\\(").replace(")", "\\)");
    }

    /** The form tags are compared in: spaces, lower case, no escapes; {@code a_b}, {@code a b}, {@code A B} match. */
    static String key(String tag) {
        String plain = tag.strip().replace("\\(", "(").replace("\\)", ")");
        return spaces(plain).toLowerCase(Locale.ROOT);
    }

    /** A comma list where {@code \,} is a literal comma (taggui's exclude syntax). */
    static List<String> list(String text) {
        List<String> out = new ArrayList<>();
        for (String item : split(text == null ? "" : text, ',')) {
            if (!item.isBlank()) {
                out.add(item.strip());
            }
        }
        return out;
    }

    /**
     * kohya {@code --tag_replacement "src,dst;src2,dst2"}: pairs split on {@code ;}, source and target on {@code ,};
     * {@code \,} and {@code \;} are literal (sd-scripts tag_images_by_wd14_tagger.py). An empty target removes.
     */
    static Map<String, String> replacements(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : split(text == null ? "" : text, ';')) {
            if (pair.isBlank()) {
                continue;
            }
            List<String> parts = split(pair, ',');
            if (parts.size() != 2 || parts.get(0).isBlank()) {
                throw new TaglineException("Invalid --replace pair '" + pair.strip() + "'",
                        "Write source,target pairs separated by ';', e.g. \"1girl,girl;red eyes,crimson eyes\";"
                                + " escape a literal comma or semicolon as \\, or \\;.");
            }
            out.put(key(parts.get(0)), parts.get(1).strip());
        }
        return out;
    }

    /** Splits on {@code sep} except where it is escaped with a backslash; the escape is removed. */
    private static List<String> split(String text, char sep) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == ',' || text.charAt(i + 1) == ';')) {
                char next = text.charAt(++i);
                part.append(next == sep ? "" + next : "\\" + next);
            } else if (c == sep) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }
}
