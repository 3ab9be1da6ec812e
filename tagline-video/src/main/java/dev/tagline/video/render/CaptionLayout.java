package dev.tagline.video.render;

/**
 * Where captions sit in a {@code width×height} frame and how large they are. Bottom margin ≥ 15 % of the height
 * (video.md §12.1: {@code SAFE_MARGIN_V=43} of 288 "clears TikTok UI"; §12.3 and pain point #8), and a right margin wide
 * enough to clear the action rail (likes, comments, share) that TikTok, Reels and Shorts draw on the right. The font
 * size is chosen so the longest allowed line fits between the margins without libass wrapping it.
 *
 * @param width frame width (also the ASS PlayResX)
 * @param height frame height (also the ASS PlayResY)
 * @param marginV distance of the last line's baseline area from the bottom, pixels
 * @param marginL left margin, pixels
 * @param marginR right margin, pixels
 * @param fontSize font size, pixels
 * @param maxChars characters per line
 */
public record CaptionLayout(int width, int height, int marginV, int marginL, int marginR, int fontSize,
                            int maxChars) {
    /** Bottom margin as a fraction of the height; above the reference's 15 % minimum for two-line captions. */
    static final double BOTTOM = 0.18;
    /** The right-side action rail is about 12–14 % of a portrait frame's width; keep 16 % clear. */
    static final double RAIL = 0.16;
    static final double LEFT = 0.06;
    /** OpenShorts {@code max_chars=16}; SRT default 20 (video.md §12.1): the middle. */
    static final int MAX_CHARS = 18;
    /** Average advance of a DejaVu Sans Bold capital, in ems (wider than lower case: the worst case). */
    static final double EM_PER_CHAR = 0.72;

    /** The layout for a frame: captions at the bottom, clear of the platform UI. */
    public static CaptionLayout of(int width, int height) {
        int marginV = (int) Math.ceil(height * BOTTOM);
        int marginL = (int) Math.round(width * LEFT);
        int marginR = (int) Math.round(width * RAIL);
        int available = width - marginL - marginR;
        int fontSize = (int) Math.min(Math.floor(available / (MAX_CHARS * EM_PER_CHAR)), Math.round(height * 0.05));
        return new CaptionLayout(width, height, marginV, marginL, marginR, fontSize, MAX_CHARS);
    }

    /** The widest a line of {@code chars} characters can get, in pixels. */
    public double worstLineWidth(int chars) {
        return chars * EM_PER_CHAR * fontSize;
    }
}
