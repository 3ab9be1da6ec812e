package dev.tagline.web;

import java.util.Map;

/**
 * What the calendar shows per platform: a colour and the text limits the editor counts against. Limits are the
 * platforms' documented maxima (publishing.md §2–§9); 0 means none.
 */
record Platforms(String color, int titleMax, int captionMax, int hashtagsMax) {
    private static final Map<String, Platforms> KNOWN = Map.of(
            "youtube", new Platforms("#c4302b", 100, 5000, 15),
            "tiktok", new Platforms("#111111", 0, 2200, 0),
            "instagram", new Platforms("#c13584", 0, 2200, 30),
            "facebook", new Platforms("#1877f2", 0, 63206, 0),
            "x", new Platforms("#333333", 0, 280, 0),
            "linkedin", new Platforms("#0a66c2", 0, 3000, 0),
            "threads", new Platforms("#6b4fbb", 0, 500, 0),
            "bluesky", new Platforms("#0085ff", 0, 300, 0),
            "folder", new Platforms("#4b7f52", 0, 0, 0),
            "webhook", new Platforms("#8a6d1f", 0, 0, 0));

    static Platforms of(String platform) {
        return KNOWN.getOrDefault(platform, new Platforms("#666666", 0, 0, 0));
    }
}
