package dev.tagline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UrlPathsTest {
    /** dogfooding G6: each segment percent-encoded, the slashes kept, a space as %20 and a plus as %2B. */
    @Test
    void aFilePathWithHashQuestionMarkPercentSpaceAndPlusBecomesAPathThatReachesTheFile() {
        assertEquals("/thumbs/ds/5_person/take%231.jpg", UrlPaths.of("/thumbs", "ds", "5_person/take#1.jpg"));
        assertEquals("/media/clips/a%20b/why%3F%2B50%25.mp4", UrlPaths.of("/media", "clips", "a b/why?+50%.mp4"));
        assertEquals("/media/clips/%C3%A9t%C3%A9/../talk.mp4", UrlPaths.of("/media", "clips", "été/../talk.mp4"));
    }
}
