package dev.tagline.images.caption;

import dev.tagline.images.tag.TagRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of an image's tags belong in a sentence, and in what words. Tag sidecars carry prompt syntax that prose must
 * not: ratings ({@code rating:general}, Pony's {@code rating_safe}, and WD's bare {@code general}, {@code sensitive},
 * {@code questionable}, {@code explicit} where {@code tag --rating first|last} puts them), Pony's quality and source
 * tags ({@code score_9}, {@code score_8_up}, {@code source_anime}), and weights and emphasis ({@code (masterpiece:1.2)},
 * {@code ((word))}, {@code [word]}, {@code {word}}, {@code \(escaped\)} parentheses), which are read as the plain
 * words. Used by the tag composer (what it writes) and by the tag check (what a caption is asked to mention).
 */
final class TagProse {
    private static final Set<String> RATINGS = Set.of("general", "sensitive", "questionable", "explicit");
    /**
     * Tags that grade the image rather than show something in it: Danbooru's resolution and defect tags and the
     * quality tags of Animagine, NovelAI and SD prompts. A composed caption may name them; a caption is never asked
     * to work them into its sentence.
     */
    static final Set<String> QUALITY = Set.of("lowres", "highres", "absurdres", "incredibly absurdres", "blurry",
            "jpeg artifacts", "masterpiece", "best quality", "high quality", "amazing quality", "great quality",
            "good quality", "normal quality", "low quality", "worst quality", "very aesthetic", "aesthetic");
    /** {@code rating:general}, {@code rating_safe}, {@code rating: explicit}: a rating wherever it stands. */
    private static final Pattern RATING = Pattern.compile("(?i)^rating\\s*[:_ ]\\s*\\S+$");
    /** Pony Diffusion's quality and source tags: {@code score_9}, {@code score_7_up}, {@code source_anime}. */
    private static final Pattern PONY = Pattern.compile("(?i)^(?:score[_ ]\\d+(?:[_ ]up)?|source[_ ][a-z]+)$");
    /** The whole tag in emphasis brackets, with an optional weight: {@code (word:1.2)}, {@code [word]}. */
    private static final Pattern WRAPPED = Pattern.compile("^[(\\[{]+(.*?)(?::\\s*-?\\d+(?:\\.\\d+)?)?[)\\]}]+$");

    private TagProse() {
    }

    /**
     * {@code tags} as prose reads them, in order: scores ({@code smile:0.55}), emphasis and escapes removed; ratings
     * and Pony's {@code score_}/{@code source_} tags left out. A bare rating word is a rating first, second (after a
     * trigger) or last, where {@code tag --rating} writes it; elsewhere it is an ordinary tag.
     */
    static List<String> spoken(List<String> tags) {
        List<String> out = new ArrayList<>(tags.size());
        for (int i = 0; i < tags.size(); i++) {
            String tag = plain(tags.get(i));
            boolean ratingPlace = i <= 1 || i == tags.size() - 1;
            if (!tag.isEmpty() && !unspoken(tag) && !(ratingPlace && RATINGS.contains(tag.toLowerCase(Locale.ROOT)))) {
                out.add(tag);
            }
        }
        return out;
    }

    /** True for a bare rating word ({@code general} … {@code explicit}, lower case): a rating where ratings go. */
    static boolean rating(String lowerTag) {
        return RATINGS.contains(lowerTag);
    }

    /** A tag without its score, emphasis brackets, weight and escapes: {@code (masterpiece:1.2)} → masterpiece. */
    static String plain(String tag) {
        String t = TagRules.withoutScore(tag.strip()).replace("\\(", "(").replace("\\)", ")").strip();
        Matcher m = WRAPPED.matcher(t);
        while (m.matches() && balanced(t)) {
            t = m.group(1).strip();
            m = WRAPPED.matcher(t);
        }
        return t;
    }

    /** True for a tag no sentence says: a prefixed rating or a Pony quality or source tag (after {@link #plain}). */
    static boolean unspoken(String plainTag) {
        return RATING.matcher(plainTag).matches() || PONY.matcher(plainTag).matches();
    }

    /** {@code (a) (b)} is two groups, not one wrapped tag; {@code ((a))} and {@code [a]} are wrapped. */
    private static boolean balanced(String t) {
        int depth = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            depth += c == '(' || c == '[' || c == '{' ? 1 : c == ')' || c == ']' || c == '}' ? -1 : 0;
            if (depth == 0 && i < t.length() - 1) {
                return false;
            }
        }
        return depth == 0;
    }
}
