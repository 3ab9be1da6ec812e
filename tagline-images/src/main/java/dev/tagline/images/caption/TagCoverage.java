package dev.tagline.images.caption;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which of the given tags a caption left out (Tag2Text is known to ignore its tags: captioning.md §3, §10 #15). A
 * tag is kept when each of its words appears in the caption up to an ending ({@code smile} / {@code smiling},
 * {@code tree} / {@code trees}); Danbooru's counting tags read as their noun ({@code 1girl} → girl), and tags that
 * say nothing a sentence would ({@code solo}, ratings, Pony's {@code score_9}, quality tags such as {@code lowres} and
 * {@code masterpiece}; {@link TagProse}) are never asked for.
 */
public final class TagCoverage {
    private static final Set<String> UNSPOKEN = Set.of("solo", "general", "sensitive", "questionable", "explicit",
            "rating");
    private static final java.util.regex.Pattern MULTIPLE = java.util.regex.Pattern.compile("multiple[ _](\\w+)");
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
                    || words.isEmpty() || countedElsewhere(plain, tags)) {
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

    /**
     * "multiple girls" beside "2girls": the count says it, so a caption with "two girls" need not say "multiple" too
     * (the tags captioner drops it the same way).
     */
    private static boolean countedElsewhere(String plain, List<String> tags) {
        java.util.regex.Matcher m = MULTIPLE.matcher(plain.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return false;
        }
        String noun = m.group(1).replaceAll("s$", "");
        return tags.stream().anyMatch(t -> TagProse.plain(t).toLowerCase(Locale.ROOT)
                .matches("\\d+\\+?" + java.util.regex.Pattern.quote(noun) + "s?"));
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
