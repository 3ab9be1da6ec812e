package dev.tagline.video.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tagline.video.transcript.Word;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyframesTest {
    @Test
    void theCoverIsTheHookLineWhenThereIsOneAndTwoThirdsInWithoutWords() {
        Word first = new Word(Duration.ofMillis(1200), Duration.ofMillis(1500), "Why");
        assertEquals(Duration.ofMillis(1500), Keyframes.hook(List.of(first), Duration.ofSeconds(30)));
        assertEquals(Duration.ofSeconds(20), Keyframes.hook(List.of(), Duration.ofSeconds(30)),
                "a screencast without narration: its code is typed by then, not an empty editor at 0.5 s");
    }
}
