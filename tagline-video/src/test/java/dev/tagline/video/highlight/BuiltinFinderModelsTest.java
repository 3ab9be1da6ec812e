package dev.tagline.video.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BuiltinFinderModelsTest {
    @Test
    void ocrDuringThePassTakesHalfTheDefaultThreads() {
        assertEquals(1, BuiltinFinderModels.passThreads(1));
        assertEquals(1, BuiltinFinderModels.passThreads(2));
        assertEquals(1, BuiltinFinderModels.passThreads(3));
        assertEquals(4, BuiltinFinderModels.passThreads(8));
    }
}
