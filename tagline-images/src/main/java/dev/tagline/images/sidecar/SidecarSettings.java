package dev.tagline.images.sidecar;

import dev.tagline.core.TaglineException;
import java.util.Locale;

/**
 * How sidecars are written.
 *
 * @param extension with or without the dot; captions default to {@link #CAPTION_EXTENSION}, tags to
 *                  {@link #TAGS_EXTENSION}
 * @param existing  what to do when the sidecar already exists
 * @param prefix    text (a trigger word) put first; for tag lists it becomes the first tag; empty for none
 * @param tagList   true for comma-separated tags (merged as sets), false for free-text captions
 */
public record SidecarSettings(String extension, Existing existing, String prefix, boolean tagList) {
    /** kohya sd-scripts trainer default {@code --caption_extension} (captioning.md §8.1). */
    public static final String CAPTION_EXTENSION = ".caption";
    /** kohya's WD tagger, taggui and most tools write tags to {@code .txt} (captioning.md §8.1). */
    public static final String TAGS_EXTENSION = ".txt";

    /** The {@code --existing} policies (captioning.md §8.4). */
    public enum Existing {
        SKIP, OVERWRITE, APPEND, PREPEND;

        public static Existing parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TaglineException("Invalid --existing '" + text + "'",
                        "Use skip, overwrite, append or prepend.", e);
            }
        }
    }

    public SidecarSettings {
        String ext = extension == null ? "" : extension.strip();
        if (ext.isEmpty() || ext.equals(".") || ext.contains("/") || ext.contains("\\")) {
            throw new TaglineException("Invalid sidecar extension '" + extension + "'",
                    "Use e.g. .caption or .txt.");
        }
        extension = ext.startsWith(".") ? ext : "." + ext;
        prefix = prefix == null ? "" : prefix.strip();
    }

    public static SidecarSettings captions() {
        return new SidecarSettings(CAPTION_EXTENSION, Existing.SKIP, "", false);
    }

    public static SidecarSettings tags() {
        return new SidecarSettings(TAGS_EXTENSION, Existing.SKIP, "", true);
    }

    public SidecarSettings withExisting(Existing policy) {
        return new SidecarSettings(extension, policy, prefix, tagList);
    }

    public SidecarSettings withPrefix(String text) {
        return new SidecarSettings(extension, existing, text, tagList);
    }

    public SidecarSettings withExtension(String ext) {
        return new SidecarSettings(ext, existing, prefix, tagList);
    }
}
