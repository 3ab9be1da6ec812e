package dev.tagline.video.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tagline.inference.onnx.SessionConfig;
import org.junit.jupiter.api.Test;

class BuiltinFinderModelsTest {
    @Test
    void ocrDuringThePassTakesHalfTheDefaultThreadsButKeepsAChosenCount() {
        SessionConfig defaults = SessionConfig.defaults();
        int cores = SessionConfig.defaultIntraOpThreads();
        assertEquals(Math.max(1, cores / 2), BuiltinFinderModels.passThreads(defaults));
        int chosen = cores == 3 ? 5 : 3;
        assertEquals(chosen, BuiltinFinderModels.passThreads(defaults.withIntraOpThreads(chosen)));
        assertEquals(1, BuiltinFinderModels.passThreads(defaults.withIntraOpThreads(1)));
    }
}
