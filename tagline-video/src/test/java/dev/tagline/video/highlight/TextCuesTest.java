package dev.tagline.video.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextCuesTest {
    @Test
    void aNumberIsShownWithTheWordItCounts() {
        assertEquals(Optional.of("3 ways"), TextCues.number("Here are 3 ways to undo a commit."));
        assertEquals(Optional.of("five mistakes"), TextCues.number("Five mistakes everyone makes with git."));
        assertEquals(Optional.of("90%"), TextCues.number("Why do 90% of rebases fail?"));
        assertEquals(Optional.of("ten"), TextCues.number("Count to ten."));
        assertEquals(Optional.of("two"), TextCues.number("Pick two of them."));
    }

    @Test
    void oneIsNotACountWorthAHook() {
        assertEquals(Optional.empty(), TextCues.number("This is one of the settings we open."));
        assertEquals(Optional.empty(), TextCues.number("You are allowed to use this one for anything."));
    }
}
