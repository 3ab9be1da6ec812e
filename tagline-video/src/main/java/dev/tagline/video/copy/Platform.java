package dev.tagline.video.copy;

import java.util.Locale;

/**
 * Where a clip's copy goes, and the text limits each platform enforces (publishing.md §1 table and per-platform
 * sections; video.md §14). Lengths are what the platform counts: characters (UTF-16 units), UTF-8 bytes for YouTube's
 * description, twitter-text weighted characters for X.
 *
 * @param titleMax longest title (0: the platform has no title field)
 * @param textMax longest caption text including the hashtags
 * @param maxHashtags most hashtags in a post
 */
public enum Platform {
    /** title ≤ 100 chars (Shorts ≤ 60 recommended); description ≤ 5,000 bytes, no {@code <} {@code >}. */
    YOUTUBE(100, 5000, 5),
    /** caption ≈ 2,200 UTF-16 runes (disputed); Postiz caps at 2,000, and so do we. */
    TIKTOK(0, 2000, 5),
    /** caption ≤ 2,200 chars; 5 hashtags per post since Dec 2025 (video.md §14: cap generated hashtags at 5). */
    INSTAGRAM(0, 2200, 5),
    /** 280 weighted chars; links avoided (they cost more since 2026-04-20). */
    X(0, 280, 3),
    /** commentary ≤ 3,000 chars; the media title is the clip's title. */
    LINKEDIN(200, 3000, 5);

    /** Shorts-style titles stay under this (video.md §14: YS {@code metadata.py}). */
    public static final int SHORT_TITLE = 60;

    private final int titleMax;
    private final int textMax;
    private final int maxHashtags;

    Platform(int titleMax, int textMax, int maxHashtags) {
        this.titleMax = titleMax;
        this.textMax = textMax;
        this.maxHashtags = maxHashtags;
    }

    /** The key in {@code clip.json}'s {@code variants}: {@code youtube}, {@code x}, … */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int titleMax() {
        return titleMax;
    }

    public int textMax() {
        return textMax;
    }

    public int maxHashtags() {
        return maxHashtags;
    }

    /** The length of {@code text} as this platform counts it. */
    public int length(String text) {
        return switch (this) {
            case X -> TextLength.weighted(text);
            case YOUTUBE -> text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            default -> text.length();
        };
    }
}
