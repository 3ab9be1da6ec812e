package dev.tagline.video.render;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@code tagline clips render} renders every clip.
 *
 * @param aspect output frame
 * @param mode a reframe mode for every scene, or empty to decide per scene
 * @param captions burn in captions (when there is a transcript)
 * @param style caption look
 * @param fontsDir folder libass loads fonts from ({@code --fonts}); empty: DejaVu from the system when present
 * @param encode encoder settings
 * @param keepReview when the clip folder already holds a {@code clip.json} for the same clip, keep its review (the
 *     accepted flag and the title, caption and hashtags a person may have edited) instead of fresh copy
 */
public record RenderOptions(Aspect aspect, Optional<ReframeMode> mode, boolean captions, CaptionStyle style,
                            Optional<Path> fontsDir, EncodeSettings encode, boolean keepReview) {
    /** Debian's {@code fonts-dejavu-core} (stack.md §2.3). */
    static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu");

    public RenderOptions {
        Objects.requireNonNull(aspect, "aspect");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(encode, "encode");
        mode = mode == null ? Optional.empty() : mode;
        fontsDir = fontsDir == null ? Optional.empty() : fontsDir;
    }

    /** Options that keep an existing review, the default of {@code tagline clips render}. */
    public RenderOptions(Aspect aspect, Optional<ReframeMode> mode, boolean captions, CaptionStyle style,
                         Optional<Path> fontsDir, EncodeSettings encode) {
        this(aspect, mode, captions, style, fontsDir, encode, true);
    }

    /** The same options with {@code keepReview} set as given ({@code --reset-review} turns it off). */
    public RenderOptions withKeepReview(boolean keep) {
        return new RenderOptions(aspect, mode, captions, style, fontsDir, encode, keep);
    }

    public static RenderOptions defaults() {
        return new RenderOptions(Aspect.PORTRAIT, Optional.empty(), true, CaptionStyle.BOLD, Optional.empty(),
                EncodeSettings.DEFAULTS);
    }

    /** The fonts folder for libass: {@code --fonts}, else DejaVu's folder when it exists, else none (fontconfig). */
    Optional<Path> fonts() {
        return fontsDir.isPresent() ? fontsDir
                : java.nio.file.Files.isDirectory(DEJAVU) ? Optional.of(DEJAVU) : Optional.empty();
    }
}
