package dev.tagline.images.caption;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which of the given tags a caption left out (Tag2Text is known to ignore its tags: captioning.md §3, §10 #15). A
 * tag is kept when each of its words appears in the caption up to an ending ({@code smile} / {@code smiling},
 * {@code tree} / {@code trees}); other counting tags read as their noun ({@code 2dogs} → dog). Tags that say nothing
 * a sentence would ({@code solo}, ratings, Pony's {@code score_9}, quality tags such as {@code lowres} and
 * {@code masterpiece}; {@link TagProse}) are never asked for, nor are Danbooru's count tags of people ({@code 1girl},
 * {@code 2boys}, {@code 1other}, {@code 6+girls}, {@code multiple girls}): prose says "a woman" or "two men", never
 * the tag, so asking for it cost a request per image and still left it out (dogfood round 7, J9).
 */
public final class TagCoverage {
    private static final Set<String> UNSPOKEN = Set.of("solo", "general", "sensitive", "questionable", "explicit",
            "rating");
    /** Danbooru's count tags of people: {@code 1girl}, {@code 2boys}, {@code 6+girls}, {@code multiple others}. */
    private static final java.util.regex.Pattern PEOPLE_COUNT = java.util.regex.Pattern.compile(
            "(?:\\d+\\+?|multiple[ _])(?:girl|boy|other)s?");
    private static final Set<String> SMALL = Set.of("a", "an", "the", "of", "and", "with", "in", "on", "to", "at");

    private TagCoverage() {
    }

    /** The tags of {@code tags} that {@code caption} does not mention, in the given order, as prose reads them. */
    public static List<String> missing(String caption, List<String> tags) {
        Set<String> stems = new HashSet<>();
        for (String w : words(caption)) {
            stems.add(stem(w));
        }
        List<String> out = new ArrayList<>();
        for (String tag : tags) {
            String plain = TagProse.plain(tag); // (masterpiece:1.2) asks for masterpiece
            List<String> words = words(plain.replaceAll("^\\d+\\+?(?=[a-z])", ""));
            String lower = plain.toLowerCase(Locale.ROOT);
            if (UNSPOKEN.contains(lower) || TagProse.QUALITY.contains(lower) || TagProse.unspoken(plain)
                    || words.isEmpty() || PEOPLE_COUNT.matcher(lower).matches()) {
                continue;
            }
            boolean all = words.stream().filter(w -> !SMALL.contains(w))
                    .allMatch(w -> stems.stream().anyMatch(s -> same(s, stem(w))));
            if (!all) {
                out.add(plain); // as the retry prompt and missing_tags name it: masterpiece, not (masterpiece:1.2)
            }
        }
        return out;
    }

    private static boolean same(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        String shorter = a.length() < b.length() ? a : b;
        String longer = shorter == a ? b : a;
        return shorter.length() >= 3 && longer.startsWith(shorter) && longer.length() - shorter.length() <= 2;
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    static String stem(String word) {
        for (String suffix : new String[] {"ing", "es", "ed", "s", "e"}) {
            if (word.endsWith(suffix) && word.length() - suffix.length() >= 3) {
                return word.substring(0, word.length() - suffix.length());
            }
        }
        return word;
    }
}
