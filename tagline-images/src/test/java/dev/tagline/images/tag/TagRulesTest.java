package dev.tagline.images.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.TaglineException;
import dev.tagline.images.tag.TagRules.Rating;
import dev.tagline.images.tag.TagRules.Sort;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TagRulesTest {
    static final TagRules DEFAULTS = TagRules.defaults();

    /** A WD-like output: 4 ratings, 6 general tags, 3 characters, with vocabulary rows in CSV order. */
    static ScoredTags wd() {
        return ScoredTags.candidates(List.of(
                tag("general", 0.70, TagCategory.RATING, 0), tag("sensitive", 0.30, TagCategory.RATING, 1),
                tag("questionable", 0.05, TagCategory.RATING, 2), tag("explicit", 0.01, TagCategory.RATING, 3),
                tag("1girl", 0.98, TagCategory.GENERAL, 4), tag("solo", 0.90, TagCategory.GENERAL, 5),
                tag("long_hair", 0.80, TagCategory.GENERAL, 6), tag("smile", 0.40, TagCategory.GENERAL, 7),
                tag("hat", 0.30, TagCategory.GENERAL, 8), tag("^_^", 0.50, TagCategory.GENERAL, 9),
                tag("hatsune_miku", 0.95, TagCategory.CHARACTER, 10), tag("kagamine_rin", 0.60, TagCategory.CHARACTER,
                        11), tag("megurine_luka_(cosplay)", 0.10, TagCategory.CHARACTER, 12)));
    }

    static ScoredTag tag(String name, double score, TagCategory category, int index) {
        return new ScoredTag(name, score, category, index);
    }

    static String run(TagRules rules, ScoredTags... outputs) {
        return rules.format(rules.select(List.of(outputs)));
    }

    @Test
    void defaultThresholdsKeepGeneralAbove035AndCharactersAbove085InConfidenceOrder() {
        assertEquals("1girl, hatsune miku, solo, long hair, ^_^, smile", run(DEFAULTS, wd()));
    }

    @Test
    void thresholdsAreStrictAndConfigurable() {
        assertEquals("1girl, hatsune miku, solo", run(DEFAULTS.withThresholds(0.80, 0.60), wd()));
        assertEquals("hatsune miku, kagamine rin", run(DEFAULTS.withThresholds(1.5, 0.5), wd()));
    }

    @Test
    void mcutOnGeneralCutsHalfwayDownTheLargestGap() {
        // general probs sorted: .98 .90 .80 .50 .40 .30; gaps .08 .10 .30 .10 .10 → cut (.80 + .50) / 2 = .65
        assertEquals(0.65, Mcut.threshold(new double[] {0.98, 0.80, 0.90, 0.40, 0.30, 0.50}), 1e-9);
        assertEquals("1girl, hatsune miku, solo, long hair", run(DEFAULTS.withMcut(Set.of(TagCategory.GENERAL)), wd()));
    }

    @Test
    void mcutOnCharactersUsesTheFloor() {
        // character probs .95 .60 .10: gaps .35 .50 → cut (.60 + .10) / 2 = .35 (> floor .15)
        assertEquals("1girl, hatsune miku, solo, long hair, kagamine rin, ^_^, smile", run(DEFAULTS.withMcut(Set.of(TagCategory.CHARACTER)), wd()));
        // .12 .11 .01: gaps .01 .10 → MCut .06, raised to the floor .15 → no character
        ScoredTags weak = ScoredTags.candidates(List.of(tag("a", 0.12, TagCategory.CHARACTER, 0),
                tag("b", 0.11, TagCategory.CHARACTER, 1), tag("c", 0.01, TagCategory.CHARACTER, 2)));
        assertEquals("", run(DEFAULTS.withMcut(Set.of(TagCategory.CHARACTER)), weak));
        assertEquals(0.06, Mcut.threshold(new double[] {0.12, 0.11, 0.01}), 1e-9);
    }

    @Test
    void mcutTakesTheFirstOfEqualGapsFromTheTop() {
        assertEquals(0.8, Mcut.threshold(new double[] {0.9, 0.7, 0.5}), 1e-9);
        assertTrue(Double.isNaN(Mcut.threshold(new double[] {0.4})));
    }

    @Test
    void ratingIsTheArgmaxFirstLastOrLeftOut() {
        TagRules base = DEFAULTS.withThresholds(0.85, 0.85);
        assertEquals("1girl, hatsune miku, solo", run(base, wd()));
        assertEquals("general, 1girl, hatsune miku, solo", run(base.withOrder(Rating.FIRST, false, List.of(), Sort.CONFIDENCE, 0), wd()));
        assertEquals("1girl, hatsune miku, solo, general", run(base.withOrder(Rating.LAST, false, List.of(), Sort.CONFIDENCE, 0), wd()));
    }

    @Test
    void charactersFirst() {
        assertEquals("hatsune miku, kagamine rin, 1girl, solo", run(DEFAULTS.withThresholds(0.85, 0.5).withOrder(Rating.NONE, true, List.of(), Sort.CONFIDENCE, 0),
                wd()));
    }

    @Test
    void alwaysFirstMovesDetectedTagsOnlyInTheGivenOrder() {
        TagRules rules = DEFAULTS.withOrder(Rating.NONE, false, List.of("solo", "1boy", "long_hair"), Sort.CONFIDENCE,
                0);
        assertEquals("solo, long hair, 1girl, hatsune miku, ^_^, smile", run(rules, wd()));
    }

    @Test
    void triggerComesFirstOnceAndCarriesNoScore() {
        TagRules rules = DEFAULTS.withEdits("sks_style ", List.of(), Map.of()).withThresholds(0.85, 0.9);
        assertEquals("sks_style, 1girl, hatsune miku, solo", run(rules, wd()));
        TagRules scored = rules.withText(false, false, true, ", ");
        assertEquals("sks_style, 1girl:0.98, hatsune miku:0.95, solo:0.90", run(scored, wd()));
        TagRules dup = DEFAULTS.withEdits("solo", List.of(), Map.of()).withThresholds(0.85, 0.9);
        assertEquals("solo, 1girl, hatsune miku", run(dup, wd()));
    }

    @Test
    void excludeMatchesEveryForm() {
        TagRules rules = DEFAULTS.withEdits("", TagRules.parseList("long hair, Hatsune_Miku,smile"), Map.of());
        assertEquals("1girl, solo, ^_^", run(rules, wd()));
    }

    @Test
    void replaceUsesKohyaSyntaxWithEscapes() {
        Map<String, String> replace = TagRules.parseReplace("1girl,girl;long_hair,hair\\, long;solo,;smile,a\\;b");
        assertEquals(Map.of("1girl", "girl", "long hair", "hair, long", "solo", "", "smile", "a;b"), replace);
        assertEquals("girl, hatsune miku, hair, long, ^_^, a;b", run(DEFAULTS.withEdits("", List.of(), replace), wd()));
        assertTrue(assertThrows(TaglineException.class, () -> TagRules.parseReplace("a,b,c")).getMessage()
                .contains("'a,b,c'"));
    }

    @Test
    void replacingOntoAnExistingTagDoesNotDuplicateIt() {
        assertEquals("1girl, hatsune miku, long hair, ^_^, smile", run(DEFAULTS.withEdits("", List.of(), TagRules.parseReplace("solo,1girl")), wd()));
    }

    @Test
    void underscoresBecomeSpacesExceptInKaomoji() {
        assertEquals(19, TagText.KAOMOJI.size());
        for (String kaomoji : TagText.KAOMOJI) {
            assertEquals(kaomoji, TagText.spaces(kaomoji));
        }
        assertEquals("long hair", TagText.spaces("long_hair"));
        assertEquals("1girl, hatsune_miku, solo, long_hair, ^_^, smile", run(DEFAULTS.withText(true, false, false, ", "), wd()));
    }

    @Test
    void parenthesesAreEscapedOnlyWhenAsked() {
        TagRules low = DEFAULTS.withThresholds(0.85, 0.05);
        assertTrue(run(low, wd()).contains("megurine luka (cosplay)"));
        assertTrue(run(low.withText(false, true, false, ", "), wd()).contains("megurine luka \\(cosplay\\)"));
    }

    @Test
    void maxTagsKeepsTheFirstN() {
        assertEquals("general, 1girl, hatsune miku", run(DEFAULTS.withOrder(Rating.FIRST, false, List.of(), Sort.CONFIDENCE, 2), wd()));
    }

    @Test
    void sortByVocabularyOrAlphabet() {
        assertEquals("1girl, solo, long hair, smile, ^_^, hatsune miku", run(DEFAULTS.withOrder(Rating.NONE, false, List.of(), Sort.VOCAB, 0), wd()));
        assertEquals("1girl, ^_^, hatsune miku, long hair, smile, solo", run(DEFAULTS.withOrder(Rating.NONE, false, List.of(), Sort.ALPHA, 0), wd()));
    }

    @Test
    void withScoresWritesTwoDecimals() {
        assertEquals("1girl:0.98, hatsune miku:0.95, solo:0.90", run(DEFAULTS.withThresholds(0.85, 0.9).withText(false, false, true, ", "), wd()));
    }

    @Test
    void separatorIsConfigurable() {
        assertEquals("1girl | hatsune miku | solo", run(DEFAULTS.withThresholds(0.85, 0.9).withText(false, false, false, " | "), wd()));
    }

    @Test
    void severalTaggersMergeWithoutDuplicatesKeepingTheHigherScore() {
        ScoredTags quality = new ScoredTags(List.of(new ScoredTag("blurry", 0.7), new ScoredTag("solo", 0.99)));
        assertEquals("solo:0.99, 1girl:0.98, hatsune miku:0.95, blurry:0.70", run(DEFAULTS.withThresholds(0.85, 0.9).withText(false, false, true, ", "), wd(), quality));
    }

    @Test
    void invalidValuesNameTheOption() {
        assertTrue(assertThrows(TaglineException.class, () -> DEFAULTS.withThresholds(-0.1, 0.5)).getMessage()
                .contains("--general-threshold"));
        assertTrue(assertThrows(TaglineException.class,
                () -> DEFAULTS.withOrder(Rating.NONE, false, List.of(), Sort.VOCAB, -1)).getMessage()
                .contains("--max-tags"));
    }

    }
