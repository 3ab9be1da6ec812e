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
        assertEquals(20, SPLITTER.spans(text).get(1).getStart());
    }
}
