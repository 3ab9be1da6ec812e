package dev.tagline.images.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TagCoverageTest {
    @Test
    void findsTheTagsACaptionLeftOut() {
        assertEquals(List.of("red scarf", "umbrella"), TagCoverage.missing(
                "A smiling girl with long hair stands under cherry trees.",
                List.of("1girl", "solo", "smile", "long_hair", "red scarf", "tree", "umbrella", "standing")));
    }

    @Test
    void endingsAndCountingTagsMatch() {
        assertEquals(List.of(), TagCoverage.missing("Two dogs sitting on the grass.",
                List.of("2dogs", "dog", "sitting", "grass", "sensitive")));
    }

    /** Dogfood round 3: the tag retry asked for "multiple girls" beside "2girls". */
    @Test
    void aMultipleTagBesideItsCountIsNotAskedFor() {
        assertEquals(List.of(), TagCoverage.missing("Two girls smiling.", List.of("2girls", "multiple girls",
                "smile")));
    }

    /**
     * Dogfood round 7 J9: the re-ask demanded "1girl" and "2boys" word for word, which prose never writes ("a woman",
     * "two men"): an extra request per image, and the caption still "left out tags". Count tags of people are no
     * longer asked for, with or without a count beside them.
     */
    @Test
    void danbooruCountTagsOfPeopleAreNotAskedForInProse() {
        assertEquals(List.of("necktie"), TagCoverage.missing("A smiling man in a dark suit.", List.of("2boys", "suit",
                "necktie")));
        assertEquals(List.of(), TagCoverage.missing("A woman with short hair, smiling.", List.of("1girl",
                "short hair", "smile", "multiple girls", "6+girls", "1other", "multiple_boys")));
        assertEquals(List.of("umbrella"), TagCoverage.missing("A girl smiling.", List.of("multiple girls",
                "smile", "umbrella")), "other tags are still asked for");
    }
}
