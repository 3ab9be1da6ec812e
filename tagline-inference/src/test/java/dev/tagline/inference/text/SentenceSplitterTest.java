package dev.tagline.inference.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {
    private static final SentenceSplitter SPLITTER = SentenceSplitter.english();

    @Test
    void splitsEnglishSentencesWithTheBundledOpenNlpModel() {
        assertEquals(List.of("Welcome back to the channel.", "Today we test speech detection!", "Ready?"),
                SPLITTER.split("Welcome back to the channel. Today we test speech detection! Ready?"));
    }

    @Test
    void spansPointIntoTheOriginalText() {
        String text = "One sentence here.  Another one there.";
        SentenceSplitter.Sentence second = SPLITTER.sentences(text).get(1);
        assertEquals(new SentenceSplitter.Sentence("Another one there.", 20, 38), second);
        assertEquals(second.text(), text.substring(second.start(), second.end()));
    }
}
