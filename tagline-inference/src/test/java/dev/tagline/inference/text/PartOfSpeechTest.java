package dev.tagline.inference.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PartOfSpeechTest {
    private static final PartOfSpeech POS = PartOfSpeech.english();

    @Test
    void tagsEachWordInItsSentenceWithTheBundledOpenNlpModel() {
        List<PartOfSpeech.Tagged> tagged = POS.tag(List.of("Salt", "the", "water", "until", "it", "tastes", "like",
                "the", "sea", "."));
        assertEquals(List.of("VERB", "DET", "NOUN", "ADP", "PRON", "VERB", "ADP", "DET", "NOUN", "PUNCT"),
                tagged.stream().map(PartOfSpeech.Tagged::tag).toList());
        assertEquals("water", tagged.get(2).token());
        assertEquals(List.of(), POS.tag(List.of()));
    }
}
