package dev.tagline.web;

import dev.tagline.core.TaglineException;
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

    /**
     * Refuses (400) a post's text that {@code platform} would reject: over its title or caption limit (X counts
     * twitter-text weighted characters, as the X adapter does; the others code points), or, for YouTube, {@code <}
     * {@code >}. The caption is required; an absent title is allowed.
     */
    void check(String platform, String title, String caption) {
        if (caption == null) {
            throw new TaglineException("No caption in the request", "Send {\"title\": …, \"caption\": …}; the caption may"
                    + " be empty but not missing.");
        }
        int titleLength = title == null ? 0 : title.codePointCount(0, title.length());
        if (titleMax > 0 && titleLength > titleMax) {
            throw new TaglineException("The title is " + titleLength + " characters; " + platform + " allows "
                    + titleMax, "Shorten it to " + titleMax + " characters.");
        }
        boolean x = "x".equals(platform);
        int length = x ? dev.tagline.video.copy.Platform.X.length(caption) : caption.codePointCount(0, caption.length());
        String unit = x ? " weighted characters (CJK and emoji 2, a link 23)" : " characters";
        if (captionMax > 0 && length > captionMax) {
            throw new TaglineException("The text is " + length + unit + "; " + platform + " allows " + captionMax,
                    "Shorten it to " + captionMax + unit.replaceFirst(" \\(.*", "") + ".");
        }
        if ("youtube".equals(platform) && (caption.matches("(?s).*[<>].*")
                || title != null && title.matches("(?s).*[<>].*"))) {
            throw new TaglineException("YouTube refuses < and > in titles and descriptions",
                    "Remove them or write ‹ › instead.");
        }
    }

    static Platforms of(String platform) {
        return KNOWN.getOrDefault(platform, new Platforms("#666666", 0, 0, 0));
    }
}
