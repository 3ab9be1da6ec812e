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
        assertEquals("sks, Two girls with blonde hair, smiling. Yuri.",
                TagComposer.compose(List.of("sks", "2girls", "multiple girls", "blonde hair", "smile", "yuri")),
                "the trigger stays first and lower case; the count makes 'several girls' redundant");
        assertEquals("A girl. Sks.", TagComposer.compose(List.of("1girl", "sks")), "only a first tag leads");
        assertEquals("", TagComposer.compose(List.of("sks")), "a trigger word alone describes nothing");
        assertEquals("Several people.", TagComposer.compose(List.of("multiple people")), "no count: several");
    }

    /** re-check item 13: a multi-word trigger ended the caption, capitalised. */
    @Test
    void aFirstTagOfSeveralWordsThatFitsNoSlotLeadsTheCaption() {
        assertEquals("ohwx man, A portrait.", TagComposer.compose(List.of("ohwx man", "solo", "portrait")));
        assertEquals("sks woman, A girl, smiling.", TagComposer.compose(List.of("sks woman", "general", "1girl",
                "smile")), "a rating after the trigger (tag --rating first) is left out");
        assertEquals("ohwx man", TagComposer.lead(List.of("ohwx man", "solo", "portrait")));
        assertEquals("", TagComposer.lead(List.of("1girl", "ohwx man")));
        assertEquals("An image. Red (colour).", TagComposer.compose(List.of("red (colour)", "general")),
                "a tag of several words that would leave nothing is a tag");
    }

    /**
     * dogfooding: of two trigger words first in the tags ({@code tag --trigger "ohwx, sks"} writes "ohwx, sks, 1boy"),
     * only the first led the caption; the second ended it, capitalised ("ohwx A boy, smiling. Sks.").
     */
    @Test
    void everyTriggerFirstInTheTagsLeadsTheCaptionAsWritten() {
        assertEquals("ohwx, sks, A boy, smiling.", TagComposer.compose(List.of("ohwx", "sks", "1boy", "smile")));
        assertEquals("ohwx, SKS woman, A girl.", TagComposer.compose(List.of("ohwx", "SKS woman", "general", "1girl")),
                "case kept; a rating after the triggers (tag --rating first) is left out");
        assertEquals("ohwx, sks", TagComposer.lead(List.of("ohwx", "sks", "1boy")));
        assertEquals(List.of("ohwx", "sks"), TagComposer.leads(List.of("ohwx", "sks", "1boy", "smile", "yuri")));
        assertEquals("ohwx, A boy. Sks.", TagComposer.compose(List.of("ohwx", "1boy", "sks")),
                "only the tags before the first that fits a slot lead");
        assertEquals("", TagComposer.compose(List.of("ohwx", "sks")), "trigger words alone describe nothing");
        assertEquals("An image. Hatsune miku, vocaloid.", TagComposer.compose(List.of("hatsune miku", "vocaloid")),
                "tags of several words that would leave nothing are tags");
    }

    /**
     * dogfooding F7: on the default quality tagger's tags, {@code caption --captioner tags --trigger "ohwx man"} wrote
     * "ohwx man An image. Ohwx." and "ohwx man A portrait. Lowres, ohwx.": the old trigger {@code ohwx} of an earlier
     * {@code tag --trigger ohwx} became a word, and "An image." with quality words named nothing but passed.
     */
    @Test
    void anOldTriggerAndQualityWordsGaveACaptionThatSaysNothing_nowTheOldTriggerIsLeftOutAndNothingFails() {
        assertEquals("", TagComposer.composed(List.of("ohwx", "solo"), "ohwx man").text(),
                "the old trigger is no word of the caption: nothing is left");
        assertEquals("A portrait. Lowres.", TagComposer.composed(List.of("ohwx", "solo", "lowres", "portrait"),
                "ohwx man").text(), "the clean-up puts 'ohwx man' first");
        assertEquals("A boy.", TagComposer.composed(List.of("ohwx_man", "1boy"), "ohwx").text(), "either way round");
        assertEquals("", TagComposer.composed(List.of("sks", "solo", "lowres"), "ohwx man").text(),
                "another old trigger and quality words name nothing either");
        assertEquals("A girl. Hatsune miku.", TagComposer.composed(List.of("hatsune miku", "1girl"), "sks").text(),
                "a leading tag that shares no word with the trigger is a tag, as before");
        assertEquals("", TagComposer.compose(List.of("ohwx", "solo", "lowres")), "a trigger and quality words");
        assertEquals("", TagComposer.compose(List.of("lowres", "blurry", "monochrome", "solo")));
        assertEquals("ohwx, A portrait. Lowres.", TagComposer.compose(List.of("ohwx", "solo", "lowres", "portrait")));
        assertEquals("An image. Lowres, hatsune miku.", TagComposer.compose(List.of("hatsune miku", "lowres")),
                "tags of several words that would leave nothing are tags, as before");
    }

    /** re-check item 13: rating:general, score_9 and (masterpiece:1.2) went into the prose as written. */
    @Test
    void ratingsAndPonyTagsAreLeftOutAndEmphasisIsReadAsThePlainWord() {
        assertEquals("A girl with blue eyes, smiling. Masterpiece, hatsune miku, vocaloid.",
                TagComposer.compose(List.of("rating:general", "1girl", "(masterpiece:1.2)", "score_9", "score_8_up",
                        "source_anime", "((blue eyes))", "[smile]", "{hatsune miku}", "vocaloid", "rating_safe",
                        "sensitive")));
        assertEquals("A girl, smiling. Questionable, hatsune miku (vocaloid).", TagComposer.compose(List.of("1girl",
                "smile:0.4", "questionable", "hatsune miku \\(vocaloid\\)", "explicit")),
                "a rating word amid the tags is a tag; escaped parentheses are read plain");
        assertEquals("", TagComposer.compose(List.of("score_9", "rating:explicit", "solo")));
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
