package dev.tagline.images.tag;

import dev.tagline.core.TaglineException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What becomes of scored tags after any tagger (captioning.md §1.4–1.8): thresholds or MCut per category, rating,
 * exclusions, replacements, order, limits and text form. A validated value; {@link TagSelection} applies it.
 *
 * @param generalThreshold   keep general tags scoring above this (SW app.py default 0.35); over 1 drops them all
 * @param characterThreshold keep character tags scoring above this (SW app.py default 0.85)
 * @param mcut               categories thresholded by MCut instead; characters never below {@link #MCUT_CHARACTER_FLOOR}
 * @param alwaysFirst        tags moved to the front when detected (kohya {@code --always_first_tags}; never added)
 * @param trigger            a word written first in every file; empty for none
 * @param exclude            tags never written, in any form ({@code a_b}, {@code a b}, {@code a \(b\)})
 * @param replace            source key → target text (kohya {@code --tag_replacement}); an empty target removes
 * @param maxTags            most tags written (rating and trigger not counted); 0 for no limit
 * @param separator          between tags in the sidecar
 */
public record TagRules(double generalThreshold, double characterThreshold, Set<TagCategory> mcut, Rating rating,
                       boolean charactersFirst, List<String> alwaysFirst, String trigger, List<String> exclude,
                       Map<String, String> replace, boolean keepUnderscores, boolean escapeParens, int maxTags,
                       Sort sort, boolean withScores, String separator) implements java.io.Serializable {
    /** SmilingWolf/wd-tagger app.py: general threshold. */
    public static final double GENERAL_THRESHOLD = 0.35;
    /** SmilingWolf/wd-tagger app.py: character threshold. */
    public static final double CHARACTER_THRESHOLD = 0.85;
    /** SmilingWolf/wd-tagger app.py: {@code character_thresh = max(0.15, mcut)}. */
    public static final double MCUT_CHARACTER_FLOOR = 0.15;

    /** Where the rating tag goes; kohya picks the argmax of the four rating outputs. */
    public enum Rating { NONE, FIRST, LAST }

    /** Tag order: by score, by the tagger's vocabulary (Danbooru popularity for WD), or alphabetical. */
    public enum Sort { CONFIDENCE, VOCAB, ALPHA }

    public TagRules {
        threshold("--general-threshold", generalThreshold);
        threshold("--character-threshold", characterThreshold);
        if (maxTags < 0) {
            throw new TaglineException("--max-tags must not be negative, got " + maxTags, "Use 0 for no limit.");
        }
        if (separator == null || separator.isEmpty()) {
            throw new TaglineException("--separator is empty", "Use e.g. ', ' or ' | '.");
        }
        mcut = Set.copyOf(mcut);
        if (mcut.contains(TagCategory.RATING)) {
            throw new TaglineException("--mcut does not apply to ratings", "Use --mcut general,character.");
        }
        alwaysFirst = List.copyOf(alwaysFirst);
        exclude = List.copyOf(exclude);
        replace = Map.copyOf(replace);
        trigger = trigger == null ? "" : trigger.strip();
    }

    private static void threshold(String option, double value) {
        if (!(value >= 0)) {
            throw new TaglineException(option + " must be 0 or more, got " + value,
                    "Probabilities run from 0 to 1; a value over 1 leaves that category out.");
        }
    }

    /** The reference app's choices: 0.35 / 0.85, no MCut, no rating, confidence order, ", " between tags. */
    public static TagRules defaults() {
        return new TagRules(GENERAL_THRESHOLD, CHARACTER_THRESHOLD, Set.of(), Rating.NONE, false, List.of(), "",
                List.of(), Map.of(), false, false, 0, Sort.CONFIDENCE, false, ", ");
    }

    /** Parses kohya's {@code "a,b;c,d"} with {@code \,} and {@code \;} escapes. */
    public static Map<String, String> parseReplace(String text) {
        return TagText.replacements(text);
    }

    /** Parses a comma list with {@code \,} escapes. */
    public static List<String> parseList(String text) {
        return TagText.list(text);
    }

    /** The tags to write for one image, in order, with their final text. */
    public List<ScoredTag> select(List<ScoredTags> perTagger) {
        return new TagSelection(this).select(perTagger);
    }

    /** {@code tag:0.93}, as {@link #format} writes it with scores, back to {@code tag}; other text as it is. */
    public static String withoutScore(String tag) {
        return tag.replaceFirst(":(?:0|1)\\.\\d+$", "");
    }

    /** One sidecar's text: the tags joined by the separator, as {@code tag:0.93} with scores. */
    public String format(List<ScoredTag> tags) {
        StringBuilder out = new StringBuilder();
        for (ScoredTag tag : tags) {
            if (!out.isEmpty()) {
                out.append(separator);
            }
            out.append(tag.name());
            if (withScores && !(tag.name().equals(trigger) && tag.vocabIndex() == TagSelection.TRIGGER_INDEX)) {
                out.append(':').append(String.format(java.util.Locale.ROOT, "%.2f", tag.score()));
            }
        }
        return out.toString();
    }

    public TagRules withThresholds(double general, double character) {
        return new TagRules(general, character, mcut, rating, charactersFirst, alwaysFirst, trigger, exclude, replace,
                keepUnderscores, escapeParens, maxTags, sort, withScores, separator);
    }

    public TagRules withMcut(Set<TagCategory> categories) {
        return new TagRules(generalThreshold, characterThreshold, categories, rating, charactersFirst, alwaysFirst,
                trigger, exclude, replace, keepUnderscores, escapeParens, maxTags, sort, withScores, separator);
    }

    public TagRules withOrder(Rating newRating, boolean newCharactersFirst, List<String> newAlwaysFirst, Sort newSort,
                              int newMaxTags) {
        return new TagRules(generalThreshold, characterThreshold, mcut, newRating, newCharactersFirst, newAlwaysFirst,
                trigger, exclude, replace, keepUnderscores, escapeParens, newMaxTags, newSort, withScores, separator);
    }

    public TagRules withEdits(String newTrigger, List<String> newExclude, Map<String, String> newReplace) {
        return new TagRules(generalThreshold, characterThreshold, mcut, rating, charactersFirst, alwaysFirst,
                newTrigger, newExclude, newReplace, keepUnderscores, escapeParens, maxTags, sort, withScores,
                separator);
    }

    public TagRules withText(boolean newKeepUnderscores, boolean newEscapeParens, boolean newWithScores,
                             String newSeparator) {
        return new TagRules(generalThreshold, characterThreshold, mcut, rating, charactersFirst, alwaysFirst, trigger,
                exclude, replace, newKeepUnderscores, newEscapeParens, maxTags, sort, newWithScores, newSeparator);
    }
}
