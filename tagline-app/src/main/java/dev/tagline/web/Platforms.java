package dev.tagline.web;

import dev.tagline.core.TaglineException;
import dev.tagline.publish.store.Channel;
import java.util.Collection;
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

    /**
     * The calendar colour of {@code c}: its platform's colour for the platform's first channel (lowest id among
     * {@code all}), then a shade per further channel within the platform's hue (dogfood round 3 #16: two folder
     * channels were both #4b7f52). Shades step the hue by 10° either way and go darker (lighter for near-black
     * platforms), so white event text stays at least as readable as on the platform's own colour.
     */
    static String color(Channel c, Collection<Channel> all) {
        String base = of(c.platform()).color();
        int rank = (int) all.stream().filter(o -> o.platform().equals(c.platform()) && o.id() < c.id()).count();
        return shade(base, rank);
    }

    static String shade(String hex, int rank) {
        if (rank == 0) {
            return hex;
        }
        int rgb = Integer.parseInt(hex.substring(1), 16);
        float[] hsb = java.awt.Color.RGBtoHSB(rgb >> 16 & 255, rgb >> 8 & 255, rgb & 255, null);
        float hue = hsb[0] + (rank % 2 == 1 ? 1 : -1) * ((rank + 1) / 2) * 10f / 360f;
        hue -= (float) Math.floor(hue);
        float bright = hsb[2] < 0.3f ? Math.min(0.45f, hsb[2] + 0.06f * rank)
                : Math.max(0.25f, hsb[2] * (1f - 0.09f * (1 + (rank - 1) % 3)));
        double floor = Math.min(4.5, whiteContrast(rgb));
        int out = java.awt.Color.HSBtoRGB(hue, hsb[1], bright) & 0xffffff;
        while (whiteContrast(out) < floor && bright > 0.05f) { // a lighter hue (red towards orange): darken until it reads
            bright -= 0.03f;
            out = java.awt.Color.HSBtoRGB(hue, hsb[1], bright) & 0xffffff;
        }
        return String.format("#%06x", out);
    }

    /** WCAG 2 contrast ratio of white text on {@code rgb}. */
    private static double whiteContrast(int rgb) {
        double l = 0;
        double[] weights = {0.2126, 0.7152, 0.0722};
        for (int i = 0; i < 3; i++) {
            double c = (rgb >> (16 - 8 * i) & 255) / 255.0;
            l += weights[i] * (c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
        return 1.05 / (l + 0.05);
    }

    static Platforms of(String platform) {
        return KNOWN.getOrDefault(platform, new Platforms("#666666", 0, 0, 0));
    }
}
