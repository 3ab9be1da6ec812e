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
        assertEquals(List.of("multiple girls"), TagCoverage.missing("A girl smiling.", List.of("multiple girls",
                "smile")), "without a count it is still asked for");
    }
}
