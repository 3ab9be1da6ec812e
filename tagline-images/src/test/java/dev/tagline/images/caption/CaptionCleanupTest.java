package dev.tagline.images.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaptionCleanupTest {
    private static final CaptionCleanup SENTENCE = CaptionCleanup.DEFAULTS;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "The image shows a cat on a sofa.|A cat on a sofa.",
        "In this image, a man rides a horse|A man rides a horse.",
        "In the image we can see two dogs.|Two dogs.",
        "This is an image of a red car.|A red car.",
        "This image depicts an old castle at dusk.|An old castle at dusk.",
        "Sure! Here is a caption: \"The picture shows a lake.\"|A lake.",
        "**Caption:** a bowl of soup|A bowl of soup.",
        "A photo of a beach at sunset.|A photo of a beach at sunset.",
    })
    void stripsFillerOpeningsAndCollapsesWhitespace(String raw, String clean) {
        assertEquals(clean, SENTENCE.apply(raw, ""));
    }

    /**
     * Dogfood round 7 J8: the trigger was glued to the sentence ("zwx woman A smiling man …"), so kohya's
     * keep_tokens, which splits at commas, kept the whole first clause; now it is a token of its own, also when the
     * model wrote it.
     */
    @Test
    void aTriggerGluedToTheSentenceIsNowACommaSeparatedTokenOfItsOwn() {
        CaptionCleanup zwx = SENTENCE.withTrigger("zwx woman");
        assertEquals("zwx woman, A smiling man in a suit.", zwx.apply("A smiling man in a suit.", ""));
        assertEquals("zwx woman, A smiling man in a suit.", zwx.apply("zwx woman A smiling man in a suit.", ""));
        assertEquals("zwx woman, A smiling man in a suit.", zwx.apply("zwx woman, a smiling man in a suit", ""));
        assertEquals("zwx woman, smiling man, suit", new CaptionCleanup(CaptionCleanup.Style.CONCISE, 0, "")
                .withTrigger("zwx woman,").apply("A smiling man in a suit.", ""));
        assertEquals("sks A cat.", new CaptionCleanup(CaptionCleanup.Style.SENTENCE, 0, "sks").apply("a cat", ""),
                "--prefix is written as typed");
    }

    /**
     * A reply that names the trigger mid-sentence ("A photo of zwx woman smiling", when the prompt gave the model the
     * name or used {trigger}) was written "zwx woman, A photo of zwx woman smiling.": the trigger twice. Now it leads
     * once, as its token, and the sentence names the subject by its class.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "zwx woman|A photo of zwx woman smiling.|zwx woman, A photo of the woman smiling.",
        "zwx woman|A zwx woman smiling at the camera|zwx woman, A woman smiling at the camera.",
        "zwx woman|ZWX Woman is sitting on a bench.|zwx woman, The woman is sitting on a bench.",
        "zwx woman|A close-up of zwx woman's face.|zwx woman, A close-up of the woman's face.",
        "zwx|A photo of zwx woman smiling.|zwx, A photo of the woman smiling.",
        "zwx|A portrait of zwx with long hair. zwx is smiling.|zwx, A portrait of the subject with long hair. The"
                + " subject is smiling.",
        "zwx|zwx's red dress on a chair|zwx, The subject's red dress on a chair.",
        "ohwx, sks|sks dog runs beside ohwx man.|ohwx, sks, The dog runs beside the man.",
        "zwx woman|A woman smiling, zwxy and azwx woman are words.|zwx woman, A woman smiling, zwxy and azwx woman are"
                + " words.",
    })
    void aReplyNamingTheTriggerMidSentenceGotItTwice_nowItLeadsOnceAndTheSentenceNamesTheClass(String trigger,
            String raw, String caption) {
        assertEquals(caption, SENTENCE.withTrigger(trigger).apply(raw, ""));
    }

    /**
     * Dogfood round 9 L5 (a): told "Describe zwx woman", a model often writes the rare token alone ("zwx is
     * smiling"), and the caption read "zwx woman, Zwx is smiling": the token taught twice. The first word of a trigger
     * whose last word is a class noun, when it is no common word and not typed as a name, is matched alone too.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "zwx woman|zwx is smiling at the camera.|zwx woman, The woman is smiling at the camera.",
        "zwx woman|A photo of zwx smiling. Zwx wears a hat.|zwx woman, A photo of the woman smiling. The woman wears"
                + " a hat.",
        "zwx woman|A close-up of zwx's face.|zwx woman, A close-up of the woman's face.",
        "zwx woman|A photo of zwx man smiling.|zwx woman, A photo of the man smiling.",
        "zwx woman|A zwx in a red coat.|zwx woman, A woman in a red coat.",
        "sks dog|sks runs on the beach.|sks dog, The dog runs on the beach.",
        "young woman|A young lady, young and smiling.|young woman, A young lady, young and smiling.",
        "Jane woman|Jane is smiling.|Jane woman, Jane is smiling.",
        "zwx style|A zwx painting of a river.|zwx style, A zwx painting of a river.",
    })
    void theTriggersRareTokenAloneWasTaughtTwice_nowItIsAMentionOfTheTrigger(String trigger, String raw,
            String caption) {
        assertEquals(caption, SENTENCE.withTrigger(trigger).apply(raw, ""));
    }

    /**
     * Dogfood round 9 L5 (b): with {@code --trigger zwx}, a reply led by a label "zwx woman A smiling woman …" became
     * "zwx, The woman A smiling woman …". A leading trigger-and-class label before a capitalised sentence is dropped,
     * as the trigger alone was; so is the rare token alone before a sentence ("zwx A smiling woman" for "zwx woman").
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "zwx|zwx woman A smiling woman in a red coat.|zwx, A smiling woman in a red coat.",
        "zwx|ZWX Woman: A smiling woman in a red coat.|zwx, A smiling woman in a red coat.",
        "zwx woman|zwx A smiling woman in a red coat.|zwx woman, A smiling woman in a red coat.",
        "zwx|zwx woman smiling in a red coat.|zwx, The woman smiling in a red coat.",
        "zwx|zwx in Paris.|zwx, The subject in Paris.",
    })
    void aLabelOfTriggerAndClassBeforeTheSentenceWasGluedOn_nowItIsDropped(String trigger, String raw,
            String caption) {
        assertEquals(caption, SENTENCE.withTrigger(trigger).apply(raw, ""));
    }

    @Test
    void aTriggerNamedMidSentenceIsWrittenOnceInConciseStyleAndWithAPrefix() {
        assertEquals("zwx woman, photo, woman smiling", new CaptionCleanup(CaptionCleanup.Style.CONCISE, 0, "")
                .withTrigger("zwx woman").apply("A photo of zwx woman smiling.", ""));
        assertEquals("zwx woman, photo A photo of the woman smiling.", new CaptionCleanup(CaptionCleanup.Style.SENTENCE,
                0, "photo").withTrigger("zwx woman").apply("A photo of zwx woman smiling.", ""),
                "a --prefix without a comma keeps the trigger known");
        assertEquals("A photo of zwx woman smiling.", SENTENCE.apply("A photo of zwx woman smiling.", ""),
                "no --trigger: the sentence is the model's");
    }

    /** re-check item 13: "ohwx man A portrait." became "Ohwx man A portrait."; caption --trigger wrote no caption. */
    @Test
    void aLeadAndATriggerGoFirstAsWritten() {
        assertEquals("ohwx man, A portrait.", SENTENCE.apply("ohwx man, A portrait.", "", false, "ohwx man"));
        assertEquals("ohwx man, portrait", new CaptionCleanup(CaptionCleanup.Style.CONCISE, 0, "")
                .apply("ohwx man, A portrait.", "", false, "ohwx man"));
        CaptionCleanup trigger = SENTENCE.withTrigger("sks woman");
        assertEquals("sks woman, A man at a podium.", trigger.apply("The image shows a man at a podium.", ""));
        assertEquals("sks woman, A portrait.", trigger.apply("sks woman, A portrait.", "", false, "sks woman"));
        assertEquals("sks woman, A portrait.", SENTENCE.withTrigger("sks").apply("sks woman, A portrait.", "", false,
                "sks woman"), "the trigger and the tags' lead are written once");
        assertEquals("sks, ohwx A portrait.", new CaptionCleanup(CaptionCleanup.Style.SENTENCE, 0, "ohwx")
                .withTrigger("sks").apply("A portrait.", ""), "the trigger first, then --prefix");
        assertEquals("A portrait.", SENTENCE.withTrigger("").apply("a portrait", ""));
        assertEquals("ohwx man, sks, boy, short hair", new CaptionCleanup(CaptionCleanup.Style.CONCISE, 0, "sks")
                .withTrigger("ohwx man").apply("A boy with short hair.", ""),
                "concise: the trigger and the prefix are two comma-separated tokens, as kohya's keep_tokens splits");
    }

    @Test
    void reasoningBlocksOfThinkingModelsAreDropped() {
        assertEquals("A man at a podium.", SENTENCE.apply("<think>\nLet me look.\n</think>\nA man at a podium.", ""));
        assertEquals("A cat.", SENTENCE.apply("<THINKING>the user wants a caption</THINKING> The image shows a cat",
                ""));
        assertEquals("", SENTENCE.apply("<think>\nThe image has a man and a flag, so I should", ""),
                "cut off inside the reasoning: nothing, never the reasoning as a caption");
        assertEquals("A man at a podium.", SENTENCE.apply("Okay, the user wants a caption. I see a man.\n</think>\n\nA"
                + " man at a podium.", ""), "Qwen3's template opens the block in the prompt: only </think> comes back");
        assertEquals("blue", QaChain.cleanAnswer("<think>The shirt looks blue.</think>\nBlue."));
        assertEquals("two", QaChain.cleanAnswer("Counting people... two.\n</think>\nAnswer: Two"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "I'm sorry, but I can't help with identifying people in images.",
        "I’m sorry, I cannot describe this image.",
        "Sorry, I can't assist with that.",
        "I cannot help with that request.",
        "I am unable to provide a description of this person.",
        "As an AI, I can't identify real people.",
        "<think>policy</think> I can't help with that.",
        "I'm unable to identify people in images.",
        "Sorry for the confusion! I cannot describe this.",
    })
    void refusalsAreNoCaption(String raw) {
        assertEquals("", SENTENCE.apply(raw, ""));
        assertEquals("", new CaptionCleanup(CaptionCleanup.Style.SENTENCE, 0, "sks").apply(raw, ""));
        org.junit.jupiter.api.Assertions.assertTrue(CaptionCleanup.refused(raw), raw);
    }

    @Test
    void aHedgeBeforeADescriptionKeepsTheDescription() {
        assertEquals("A man in a dark suit at a podium.", SENTENCE.apply("I'm sorry, I can't identify real people."
                + " A man in a dark suit at a podium.", ""));
        assertEquals("", SENTENCE.apply("I'm sorry. I can't help with that.", ""), "two refusals are one");
    }

    @Test
    void captionsThatOnlyMentionSorrowAreKept() {
        assertEquals("A sorry-looking dog in the rain.", SENTENCE.apply("A sorry-looking dog in the rain.", ""));
        org.junit.jupiter.api.Assertions.assertFalse(CaptionCleanup.refused("A sign that says I'm sorry."));
    }

    @Test
    void aBulletedListBecomesOnePhrase() {
        assertEquals("A man, a suit, a flag.", SENTENCE.apply("- A man\n- A suit\n- A flag", ""));
        assertEquals("A man, a suit, USA flag.", SENTENCE.apply("1. A man.\n2. A suit.\n3. USA flag.", ""));
        assertEquals("man, suit, flag", new CaptionCleanup(CaptionCleanup.Style.CONCISE, 0, "")
                .apply("* a man\n* a suit\n* a flag", ""));
        assertEquals("A list - not bullets.", SENTENCE.apply("A list - not bullets.", ""));
    }

    @Test
    void aTriggerWordBeforeASentenceStaysAsWritten() {
        assertEquals("sks Two girls, smiling.", SENTENCE.apply("sks Two girls, smiling.", ""));
        assertEquals("A cat sits.", SENTENCE.apply("a cat sits", ""));
        assertEquals("The Eiffel tower.", SENTENCE.apply("the Eiffel tower", ""), "an article is no trigger");
    }

    @Test
    void collapsesWhitespaceAndLineBreaks() {
        assertEquals("A girl with long hair.", SENTENCE.apply("  a   girl\n\nwith \t long hair  ", ""));
    }

    @Test
    void kosmos2GroundingMarkupKeepsThePhrasesAndDropsTheBoxes() {
        String raw = "<grounding> An image of<phrase> a snowman</phrase><object><patch_index_0044>"
                + "<patch_index_0863></object> warming himself by<phrase> a fire</phrase><object>"
                + "<patch_index_0005><patch_index_0911></object>.";
        assertEquals("A snowman warming himself by a fire.", SENTENCE.apply(raw, "<grounding>An image of"));
    }

    @Test
    void anEchoedPromptIsDropped() {
        assertEquals("Singapore.", SENTENCE.apply("Question: which city is this? Answer: singapore",
                "Question: which city is this? Answer:"));
    }

    @Test
    void conciseWritesKeywords() {
        CaptionCleanup concise = new CaptionCleanup(CaptionCleanup.Style.CONCISE, 0, "");
        assertEquals("woman, long red hair sitting, bench, park",
                concise.apply("The image shows a woman with long red hair sitting on a bench in a park.", ""));
    }

    @Test
    void maxLengthCutsAtASentenceOrWordAndPrefixComesFirst() {
        CaptionCleanup cut = new CaptionCleanup(CaptionCleanup.Style.SENTENCE, 30, "");
        assertEquals("A cat sleeps on a red sofa.", cut.apply("A cat sleeps on a red sofa. The room is bright.", ""));
        assertEquals("A very long caption.", cut.apply("a very long caption that keeps going without end", ""));
        CaptionCleanup trigger = new CaptionCleanup(CaptionCleanup.Style.CONCISE, 20, "sks");
        assertEquals("sks, cat, red sofa", trigger.apply("A cat on a red sofa in a bright room", ""));
        assertEquals("sks A cat.", new CaptionCleanup(CaptionCleanup.Style.SENTENCE, 0, "sks").apply("a cat", ""));
    }

    @Test
    void cutCaptionsEndOnADanglingWordPlusAFullStop() {
        CaptionCleanup sks = new CaptionCleanup(CaptionCleanup.Style.SENTENCE, 20, "sks");
        assertEquals("sks A woman.", sks.apply("A woman with a red hat on a bench.", ""));
        assertEquals("A man in a dark suit standing in front of a flag.", SENTENCE.apply(
                "A man in a dark suit standing in front of a flag and", "", true), "finish_reason: length");
        assertEquals("A man standing.", SENTENCE.apply("A man standing in front of", "", true));
        assertEquals("A man and.", SENTENCE.apply("A man and", "", false), "a finished answer is left alone");
        assertEquals("sand, man", new CaptionCleanup(CaptionCleanup.Style.CONCISE, 0, "").apply("sand, a man with",
                "", true));
        assertEquals("An.", SENTENCE.apply("an", "", true), "nothing but a function word stays as it is");
    }
}
