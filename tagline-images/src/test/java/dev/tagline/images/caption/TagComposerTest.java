package dev.tagline.images.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TagComposerTest {
    @Test
    void composesASentenceFromCategorisedTags() {
        assertEquals("A girl with long hair and blue eyes, smiling, wearing a white shirt and long sleeves, holding"
                + " umbrella, outdoors with sky and cherry blossoms in the background. Monochrome, petals.",
                TagComposer.compose(List.of("1girl", "solo", "long_hair", "blue_eyes", "smile", "white_shirt",
                        "long_sleeves", "holding_umbrella", "outdoors", "sky", "cherry_blossoms", "monochrome",
                        "petals")));
    }

    @Test
    void countsSubjectsAndBackgrounds() {
        assertEquals("Two girls and a boy, standing, on a simple background and white background.",
                TagComposer.compose(List.of("2girls", "1boy", "standing", "simple background", "white background")));
        assertEquals("A dog, at night with grass in the background.",
                TagComposer.compose(List.of("dog", "night", "grass")));
        assertEquals("An image, indoors.", TagComposer.compose(List.of("indoors")));
        assertEquals("", TagComposer.compose(List.of("solo", "sensitive")));
    }

    @Test
    void aTriggerWordFirstLeadsTheCaptionAsWritten() {
        assertEquals("sks Two girls with blonde hair, smiling. Yuri.",
                TagComposer.compose(List.of("sks", "2girls", "multiple girls", "blonde hair", "smile", "yuri")),
                "the trigger stays first and lower case; the count makes 'several girls' redundant");
        assertEquals("A girl. Sks.", TagComposer.compose(List.of("1girl", "sks")), "only a first tag leads");
        assertEquals("", TagComposer.compose(List.of("sks")), "a trigger word alone describes nothing");
        assertEquals("Several people.", TagComposer.compose(List.of("multiple people")), "no count: several");
    }

    @Test
    void keepsEveryTagItWasGiven() {
        List<String> tags = List.of("1girl", "red hair", "green eyes", "school uniform", "sitting", "classroom",
                "window", "blurry", "desk");
        String caption = TagComposer.compose(tags);
        assertEquals(List.of(), TagCoverage.missing(caption, tags), caption);
        assertTrue(caption.startsWith("A girl with red hair and green eyes"), caption);
    }
}
