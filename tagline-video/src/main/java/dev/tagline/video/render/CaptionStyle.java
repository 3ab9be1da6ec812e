package dev.tagline.video.render;

import dev.tagline.core.TaglineException;
import java.util.Locale;

/**
 * How burned-in captions look. Colours are RGB hex ({@code FFE500}); {@link AssCaptions} writes them in ASS's
 * {@code &H00BBGGRR} order. Sizes are fractions of the frame so one preset fits every {@link Aspect}.
 *
 * @param name preset name
 * @param font font family (DejaVu Sans ships with Debian's ffmpeg as {@code fonts-dejavu-core}, stack.md §2.3)
 * @param bold bold face
 * @param uppercase captions in capitals
 * @param textRgb the words not yet spoken (and phrase mode)
 * @param highlightRgb the word being spoken in karaoke mode
 * @param outlineRgb outline colour
 * @param outlinePx outline width at a 1080-pixel short side
 * @param karaoke one event per word with the spoken word highlighted (OpenShorts); else one event per phrase
 */
public record CaptionStyle(String name, String font, boolean bold, boolean uppercase, String textRgb,
                           String highlightRgb, String outlineRgb, double outlinePx, boolean karaoke) {
    /** OpenShorts AUTO (video.md §12.1: white, active word #FFE500, border 4, UPPERCASE) with DejaVu for Anton. */
    public static final CaptionStyle BOLD = new CaptionStyle("bold", "DejaVu Sans", true, true, "FFFFFF", "FFE500",
            "000000", 4, true);
    /** Sentence case, thin outline, one event per phrase. */
    public static final CaptionStyle CLEAN = new CaptionStyle("clean", "DejaVu Sans", false, false, "FFFFFF",
            "FFFFFF", "000000", 2, false);
    /** reels-clips-automator's gold (#FFD700, video.md §12.2) as the highlight, in sentence case. */
    public static final CaptionStyle GOLD = new CaptionStyle("gold", "DejaVu Sans", true, false, "FFFFFF", "FFD700",
            "000000", 3, true);

    public CaptionStyle {
        for (String rgb : new String[] {textRgb, highlightRgb, outlineRgb}) {
            if (rgb == null || !rgb.matches("[0-9A-Fa-f]{6}")) {
                throw new TaglineException("caption colour " + rgb + " is not RRGGBB hex", "Write e.g. FFE500.");
            }
        }
    }

    /** A preset by name: {@code bold} (default), {@code clean}, {@code gold}. */
    public static CaptionStyle preset(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "bold" -> BOLD;
            case "clean" -> CLEAN;
            case "gold" -> GOLD;
            default -> throw new TaglineException("--caption-style " + name + " is not a preset",
                    "Use bold, clean or gold.");
        };
    }

    public CaptionStyle withKaraoke(boolean on) {
        return new CaptionStyle(name, font, bold, uppercase, textRgb, highlightRgb, outlineRgb, outlinePx, on);
    }

    public CaptionStyle withFont(String family) {
        return new CaptionStyle(name, family, bold, uppercase, textRgb, highlightRgb, outlineRgb, outlinePx, karaoke);
    }

    /** {@code FFE500} → {@code &H0000E5FF} (ASS colours are alpha, blue, green, red). */
    static String ass(String rgb) {
        String u = rgb.toUpperCase(Locale.ROOT);
        return "&H00" + u.substring(4, 6) + u.substring(2, 4) + u.substring(0, 2);
    }
}
