package dev.tagline.images.caption;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --captioner tags}: a plain caption composed from an image's tags without any model, for when no LLM is at
 * hand. Tags are sorted into subject ({@code 1girl} → "a girl"), features (hair, eyes), expression, clothing, pose or
 * action, setting and style by their words; the caption reads "A girl with long hair and blue eyes, smiling, wearing
 * a white shirt, holding an umbrella, outdoors with sky in the background. Monochrome." Every tag is kept but
 * {@code solo} (the subject says it) and what {@link TagProse} leaves out of prose (ratings, Pony's {@code score_} and
 * {@code source_} tags; emphasis such as {@code (masterpiece:1.2)} is read as the plain word): those that fit no slot
 * end the caption as a list, except the first tags that fit none, of one word or several, which lead the caption as
 * written, each a comma-separated token: the trigger that {@code tag --trigger} puts first ("sks woman, A girl with
 * …"; two of them, "ohwx, sks", lead as "ohwx, sks, A girl with …", so that kohya's {@code keep_tokens} keeps the same
 * tokens first in the caption as in the tags). With the run's trigger known ({@code caption --trigger}), a leading
 * tag that shares a word with it is
 * its old form, left out ({@code ohwx} when the trigger is now {@code ohwx man}). Tags that name nothing but style and
 * quality words besides the triggers ("An image. Lowres.") give no caption, so the image fails as one without tags
 * does. A count ({@code 2girls}) makes {@code multiple girls} redundant. The prompt is not used, and the caption is
 * not checked for tags it leaves out: every tag went into it.
 */
public final class TagComposer implements Captioner {
    public static final String ID = "tags";
    /** The input variable that holds {@code caption --trigger}; the clean-up puts it first. */
    static final String TRIGGER = "trigger";
    private static final dev.tagline.core.RgbImage NO_PIXELS = new dev.tagline.core.RgbImage(1, 1, new byte[3]);

    private static final Pattern COUNT = Pattern.compile("^(\\d+)(\\+?)(girl|boy|other)s?$");
    private static final List<String> NUMBERS = List.of("no", "a", "two", "three", "four", "five", "six");
    private static final Set<String> SUBJECTS = Set.of("person", "man", "woman", "girl", "boy", "child", "baby",
            "people", "couple", "dog", "cat", "bird", "horse", "animal", "puppy", "kitten", "car", "flower", "building",
            "robot", "food", "landscape", "house", "tree", "mountain", "portrait");
    private static final Set<String> HAIR = Set.of("ponytail", "twintails", "braid", "bangs", "ahoge", "bald",
            "beard", "mustache", "sidelocks", "bob cut");
    private static final Map<String, String> EXPRESSIONS = Map.ofEntries(Map.entry("smile", "smiling"),
            Map.entry("grin", "grinning"), Map.entry("blush", "blushing"), Map.entry("laughing", "laughing"),
            Map.entry("crying", "crying"), Map.entry("open mouth", "with an open mouth"),
            Map.entry("closed mouth", "with a closed mouth"), Map.entry("closed eyes", "with closed eyes"),
            Map.entry("looking at viewer", "looking at the viewer"), Map.entry("tongue out", "with the tongue out"),
            Map.entry("angry", "angry"), Map.entry("surprised", "surprised"), Map.entry("sad", "sad"),
            Map.entry("happy", "happy"), Map.entry("serious", "serious"), Map.entry("expressionless",
                    "expressionless"), Map.entry("looking away", "looking away"), Map.entry("wink", "winking"));
    private static final Set<String> CLOTHES = Set.of("shirt", "t-shirt", "dress", "skirt", "jacket", "coat", "hat",
            "cap", "shoes", "boots", "sneakers", "pants", "trousers", "jeans", "shorts", "sweater", "hoodie", "uniform",
            "gloves", "glasses", "sunglasses", "eyewear", "necktie", "tie", "bowtie", "scarf", "bikini", "swimsuit",
            "kimono", "socks", "thighhighs", "pantyhose", "hood", "earrings", "necklace", "bracelet", "ribbon", "bow",
            "suit", "vest", "apron", "armor", "cape", "belt", "sleeves", "collar", "headband", "hairband", "mask",
            "helmet", "backpack", "bag", "serafuku", "leotard", "cardigan", "blouse", "choker", "jewelry", "hairclip",
            "hair ornament", "hair ribbon", "hair bow", "crown", "veil", "sandals", "heels", "footwear");
    private static final Set<String> MASS = Set.of("armor", "jewelry", "footwear", "eyewear", "clothing");
    private static final Set<String> POSES = Set.of("arms up", "hand on hip", "hands on hips", "arms crossed",
            "crossed arms", "v", "peace sign", "upper body", "full body", "cowboy shot", "close-up", "from side",
            "from behind", "from above", "from below", "profile", "on back", "on stomach", "squat", "kneel");
    private static final Set<String> PLACES = Set.of("outdoors", "indoors", "night", "day", "sunset", "sunrise",
            "night sky", "evening", "dusk", "dawn");
    private static final Set<String> SCENERY = Set.of("sky", "cloud", "clouds", "tree", "trees", "forest", "beach",
            "ocean", "sea", "water", "city", "cityscape", "street", "road", "room", "bedroom", "classroom", "kitchen",
            "park", "garden", "field", "grass", "mountain", "mountains", "snow", "rain", "building", "buildings",
            "window", "flower field", "nature", "scenery", "lake", "river", "bench", "wall", "floor", "bed", "table",
            "chair", "sun", "moon", "stars", "star (sky)", "cherry blossoms", "leaf", "leaves", "plant");
    private static final Set<String> STYLE = union(Set.of("monochrome", "greyscale", "grayscale", "sketch",
            "realistic", "photorealistic", "photo", "anime", "anime coloring", "traditional media", "watercolor",
            "pixel art", "dark", "bright", "text", "watermark", "signature", "comic", "3d", "chibi", "lineart",
            "depth of field", "bokeh", "lens flare", "film grain", "blurry background", "english text", "artist name",
            "dated", "username"),
            // lowres, quality tags of Animagine, NovelAI and SD prompts: they describe the image
            TagProse.QUALITY);
    private static final Set<String> DROPPED = Set.of("solo");

    /** A caption in two parts: the triggers that lead it as written (none for none), and the sentence. */
    record Composed(List<String> leads, String sentence) {
        /** The triggers as the caption starts with them, {@code ", "} between two; empty for none. */
        String lead() {
            return String.join(", ", leads);
        }

        String text() {
            return leads.isEmpty() || sentence.isEmpty() ? sentence : lead() + ", " + sentence;
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String describe() {
        return "tags: captions composed from each image's tags (no model)";
    }

    @Override
    public int maxBatch() {
        return 64;
    }

    /** The composer reads the tags only: the pixels are not kept while the image waits for its batch. */
    @Override
    public Prepared prepare(CaptionInput input) {
        return new Prepared(new CaptionInput(NO_PIXELS, input.file(), input.tags(), input.vars()), null);
    }

    @Override
    public List<Caption> captionPrepared(List<Prepared> batch, CaptionRequest request) {
        return batch.stream().map(p -> Caption.of(composed(p.input()).text())).toList();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    /** The triggers that lead the caption of {@code tags} ({@link #compose}), as it writes them; empty for none. */
    static String lead(List<String> tags) {
        return composed(tags, null).lead();
    }

    /** The triggers that lead the caption of {@code tags}, each as written; none for none. */
    static List<String> leads(List<String> tags) {
        return composed(tags, null).leads();
    }

    /** The trigger that leads {@code input}'s caption; empty for none, and when the run's trigger is known. */
    static String lead(CaptionInput input) {
        return composed(input).lead();
    }

    private static Composed composed(CaptionInput input) {
        String trigger = input.vars().getOrDefault(TRIGGER, "");
        return composed(input.tags(), trigger.isEmpty() ? null : trigger);
    }

    /**
     * The caption for {@code tags}; empty when they name nothing: no tag is left (none given, or only {@code solo},
     * ratings and Pony's quality tags), or only style and quality words ({@code lowres}, {@code masterpiece}) besides
     * the triggers.
     */
    public static String compose(List<String> tags) {
        return composed(tags, null).text();
    }

    /**
     * {@link #compose}, with the leading triggers apart, so that clean-up keeps them as written: the tags before the
     * first that fits a slot. {@code trigger} is the run's when it is known ({@code caption --trigger}, which the
     * clean-up puts first), else null: then no tag leads, and a leading tag that shares a word with it ({@code ohwx}
     * written by an earlier {@code tag --trigger ohwx}, the trigger now {@code ohwx man}) is that trigger's old form,
     * left out rather than written as a word ("Ohwx."); other leading tags are tags. Tags that name nothing but style
     * and quality ("An image. Lowres.") give no sentence, as none do; first tags of which one has several words and
     * that would leave nothing else are tags, not triggers ("red (colour)" alone).
     */
    static Composed composed(List<String> tags, String trigger) {
        Slots s = new Slots();
        List<String> leads = new ArrayList<>();
        for (String written : TagProse.spoken(tags)) {
            String tag = written.replace('_', ' ').toLowerCase(Locale.ROOT);
            // "ohwx, sks, general": tag --rating first writes the rating after the triggers
            if (DROPPED.contains(tag) || !leads.isEmpty() && s.isEmpty() && TagProse.rating(tag)) {
                continue;
            }
            int others = s.other.size();
            s.sort(tag);
            if (s.isFirst() && s.other.size() > others) {
                leads.add(written); // as written: "sks", "ohwx man", "Hatsune Miku"
                s.other.remove(others);
            }
        }
        if (trigger != null) {
            Set<String> words = words(trigger);
            leads.removeIf(lead -> words(lead).stream().anyMatch(words::contains));
        }
        if (s.namesNothing()) {
            if (leads.stream().noneMatch(l -> l.contains(" "))) {
                return new Composed(trigger == null ? List.copyOf(leads) : List.of(), "");
            }
            leads.forEach(l -> s.other.add(l.replace('_', ' ').toLowerCase(Locale.ROOT)));
            return new Composed(List.of(), s.sentence());
        }
        if (trigger != null) { // the clean-up leads with the trigger: the other leading tags are tags
            s.other.addAll(0, leads.stream().map(l -> l.replace('_', ' ').toLowerCase(Locale.ROOT)).toList());
            return new Composed(List.of(), s.sentence());
        }
        return new Composed(List.copyOf(leads), s.sentence());
    }

    /** The words of a trigger or tag, lower case: {@code "ohwx man"}, {@code "ohwx, sks"} and {@code ohwx_man}. */
    private static Set<String> words(String text) {
        Set<String> out = new java.util.HashSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[\\s,_]+")) {
            if (!word.isEmpty()) {
                out.add(word);
            }
        }
        return out;
    }

    /** The slots of one caption. */
    private static final class Slots {
        final List<String> subjects = new ArrayList<>();
        final List<String> features = new ArrayList<>();
        final List<String> expressions = new ArrayList<>();
        final List<String> clothes = new ArrayList<>();
        final List<String> poses = new ArrayList<>();
        final List<String> places = new ArrayList<>();
        final List<String> backgrounds = new ArrayList<>();
        final List<String> scenery = new ArrayList<>();
        final List<String> style = new ArrayList<>();
        final List<String> other = new ArrayList<>();

        /** True while only the tag just sorted has been sorted (the leads taken out). */
        boolean isFirst() {
            return count() == 1;
        }

        /** True while no tag has been sorted (the leads taken out). */
        boolean isEmpty() {
            return count() == 0;
        }

        /** True when no tag but style and quality words has been sorted: "An image. Lowres." says nothing. */
        boolean namesNothing() {
            return count() == style.size();
        }

        private int count() {
            return subjects.size() + features.size() + expressions.size() + clothes.size() + poses.size()
                    + places.size() + backgrounds.size() + scenery.size() + style.size() + other.size();
        }

        void sort(String tag) {
            String last = tag.substring(tag.lastIndexOf(' ') + 1);
            String first = tag.split(" ")[0];
            Matcher count = COUNT.matcher(tag.replace(" ", ""));
            if (count.matches()) {
                subjects.add(counted(count));
            } else if (tag.startsWith("multiple ")) {
                subjects.add("several " + tag.substring("multiple ".length()));
            } else if (subjects.isEmpty() && SUBJECTS.contains(tag)) {
                subjects.add(article(tag) + " " + tag);
            } else if (tag.contains("hair") && !CLOTHES.contains(tag) || HAIR.contains(tag) || last.equals("eyes")
                    && !EXPRESSIONS.containsKey(tag)) {
                features.add(tag);
            } else if (EXPRESSIONS.containsKey(tag)) {
                expressions.add(EXPRESSIONS.get(tag));
            } else if (STYLE.contains(tag)) {
                style.add(tag);
            } else if (CLOTHES.contains(last) || CLOTHES.contains(tag)) {
                clothes.add(MASS.contains(last) || last.endsWith("s") ? tag : article(tag) + " " + tag);
            } else if (POSES.contains(tag) || first.endsWith("ing") && first.length() > 4) {
                poses.add(tag);
            } else if (PLACES.contains(tag)) {
                places.add(tag.equals("night") || tag.equals("day") ? (tag.equals("night") ? "at night"
                        : "during the day") : tag);
            } else if (tag.endsWith(" background")) {
                backgrounds.add(tag);
            } else if (SCENERY.contains(tag)) {
                scenery.add(tag);
            } else {
                other.add(tag);
            }
        }

        private static String counted(Matcher m) {
            int n = Integer.parseInt(m.group(1));
            String noun = m.group(3).equals("other") ? "figure" : m.group(3);
            if (!m.group(2).isEmpty() || n >= NUMBERS.size()) {
                return "many " + noun + "s";
            }
            return NUMBERS.get(n) + " " + noun + (n == 1 ? "" : "s");
        }

        String sentence() {
            if (subjects.isEmpty() && features.isEmpty() && expressions.isEmpty() && clothes.isEmpty()
                    && poses.isEmpty() && places.isEmpty() && backgrounds.isEmpty() && scenery.isEmpty()
                    && style.isEmpty() && other.isEmpty()) {
                return "";
            }
            // "2girls, multiple girls": the count says it, "several girls" would repeat it
            List<String> who = subjects.stream().anyMatch(x -> !x.startsWith("several ")) ? subjects.stream()
                    .filter(x -> !x.startsWith("several ")).toList() : subjects;
            StringBuilder sb = new StringBuilder(who.isEmpty() ? "an image" : and(who));
            if (!features.isEmpty()) {
                sb.append(" with ").append(and(features));
            }
            expressions.forEach(e -> sb.append(", ").append(e));
            if (!clothes.isEmpty()) {
                sb.append(", wearing ").append(and(clothes));
            }
            poses.forEach(p -> sb.append(", ").append(p));
            if (!places.isEmpty()) {
                sb.append(", ").append(and(places));
            }
            if (!backgrounds.isEmpty()) {
                sb.append(places.isEmpty() ? ", " : " ").append("on ").append(article(backgrounds.get(0))).append(' ')
                        .append(and(backgrounds));
            }
            if (!scenery.isEmpty()) {
                sb.append(places.isEmpty() && backgrounds.isEmpty() ? ", " : " ").append("with ").append(and(scenery))
                        .append(" in the background");
            }
            String text = capital(sb.toString()) + ".";
            List<String> rest = new ArrayList<>(style);
            rest.addAll(other);
            return rest.isEmpty() ? text : text + " " + capital(String.join(", ", rest)) + ".";
        }
    }

    static String and(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static String article(String noun) {
        return "aeiou".indexOf(noun.charAt(0)) >= 0 ? "an" : "a";
    }

    private static String capital(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
