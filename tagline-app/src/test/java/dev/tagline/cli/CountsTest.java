package dev.tagline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CountsTest {
    @Test
    void oneIsSingularEveryOtherCountPlural() {
        assertEquals("1 image", Counts.of(1, "image"));
        assertEquals("0 images", Counts.of(0, "image"));
        assertEquals("12 clips", Counts.of(12, "clip"));
        assertEquals("1 file was", Counts.were(1, "file"));
        assertEquals("3 files were", Counts.were(3, "file"));
    }
}
