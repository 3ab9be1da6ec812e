package dev.tagline.video.render;

import dev.tagline.core.TaglineException;
import java.util.Locale;

/**
 * The output frame of a rendered clip. 9:16 at 1080×1920 is the default (video.md §11.4, §13: OpenShorts
 * {@code DELIVERY_MIN_WIDTH=1080}); the others keep the same 1080-pixel short side, as platforms accept them.
 */
public enum Aspect {
    PORTRAIT("9:16", 1080, 1920),
    PORTRAIT_4_5("4:5", 1080, 1350),
    SQUARE("1:1", 1080, 1080),
    LANDSCAPE("16:9", 1920, 1080);

    private final String label;
    private final int width;
    private final int height;

    Aspect(String label, int width, int height) {
        this.label = label;
        this.width = width;
        this.height = height;
    }

    public String label() {
        return label;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** {@code 9:16}, {@code 1:1}, {@code 4:5} or {@code 16:9}. */
    public static Aspect parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (Aspect a : values()) {
            if (a.label.equals(wanted)) {
                return a;
            }
        }
        throw new TaglineException("--aspect " + text + " is not a known aspect ratio",
                "Use 9:16 (default), 4:5, 1:1 or 16:9.");
    }
}
