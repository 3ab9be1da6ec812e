package dev.tagline.video.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OcrCaseTest {
    @Test
    void aSmallLetterThatLooksLikeItsCapitalInsideACapitalWordIsMadeCapital() {
        assertEquals("Reading a JSON file in Python", OcrCase.repair("Reading a JSoN file in Python"));
        assertEquals("POSIX shells", OcrCase.repair("PoSIX shells"));
    }

    @Test
    void realMixedCaseWordsStay() {
        for (String word : new String[] {"IoT", "SoC", "IDs", "URLs", "LaTeX", "GitHub", "MySQL", "iOS", "JavaScript",
            "NOW", "a", "JSON", "HTTPs"}) {
            assertEquals(word, OcrCase.repair(word));
        }
        assertEquals("$ python3 app.py", OcrCase.repair("$ python3 app.py"));
    }
}
