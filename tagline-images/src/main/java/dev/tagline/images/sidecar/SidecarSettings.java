package dev.tagline.images.sidecar;

import dev.tagline.core.TaglineException;
import dev.tagline.images.load.ImageFormat;
import java.util.Locale;
import java.util.Set;

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

    /**
     * Common video extensions: a sidecar named like a video would be taken for one by video tools and by
     * {@code tagline clips}.
     */
    static final Set<String> VIDEO_EXTENSIONS = Set.of("mp4", "m4v", "mov", "mkv", "webm", "avi", "wmv", "flv",
            "mpg", "mpeg", "ts", "m2ts", "mts", "3gp", "ogv");
    /** Image formats Tagline does not read but a dataset may hold, and camera raws: still images to a trainer. */
    static final Set<String> OTHER_IMAGE_EXTENSIONS = Set.of("avif", "heic", "heif", "jxl", "jp2", "psd", "exr",
            "hdr", "dng", "cr2", "cr3", "nef", "arw", "raf", "orf", "rw2", "svg");
    /** Files that sit beside the images and are not captions: kohya's latent and text-encoder caches, weights. */
    static final Set<String> DATA_EXTENSIONS = Set.of("npz", "npy", "safetensors", "pt", "ckpt");
    /**
     * Files that sit beside the images and hold structured text: Tagline's own {@code --json} record and gallery-dl's
     * metadata ({@code NAME.json}), kohya's dataset configs ({@code .toml}). A sidecar of that name would overwrite
     * them, or be read as one.
     */
    static final Set<String> METADATA_EXTENSIONS = Set.of("json", "toml");

    public SidecarSettings {
        extension = extension(extension, "sidecar extension");
        prefix = prefix == null ? "" : prefix.strip();
    }

    /**
     * {@code value} with a leading dot; throws the user's error, naming {@code setting} (e.g. {@code --extension}),
     * for an empty value, a path, or an image or video extension: a text file named like an image would be loaded as
     * one by trainers and reported corrupt by {@code check}, and {@code --existing} would act on the image itself.
     */
    public static String extension(String value, String setting) {
        String ext = withDot(value, setting, "Use e.g. .caption or .txt.");
        // the last part names the file's kind: .jpg.json is gallery-dl metadata, .txt.png an image
        String bare = lastPart(ext);
        if (METADATA_EXTENSIONS.contains(bare)) {
            throw new TaglineException(setting + " " + ext + " is a metadata extension: NAME" + ext + " beside an"
                    + " image holds " + (bare.equals("json") ? "the --json record or gallery-dl metadata"
                    : "a trainer's config") + ", which a text sidecar would replace",
                    "Use a text extension such as .txt or .caption.");
        }
        String kind = mediaKind(bare) != null ? mediaKind(bare) : DATA_EXTENSIONS.contains(bare) ? "a data" : null;
        if (kind != null) {
            throw new TaglineException(setting + " " + ext + " is " + kind + " extension: the text sidecars would be"
                    + " named like " + kind.substring(kind.indexOf(' ') + 1) + " files and loaded as such",
                    "Use a text extension such as .txt or .caption.");
        }
        return ext;
    }

    /**
     * {@code value} with a leading dot, for files that other tools keep beside the images and Tagline only reads or
     * moves ({@code check --sidecar-ext .wd14}); throws the user's error, naming {@code setting}, for an empty value,
     * a path or glob, or an image or video extension: such files are media of their own, not an image's sidecars.
     * Metadata and caches ({@code .json}, {@code .npz}) are allowed: other tools keep them beside the images too.
     */
    public static String companionExtension(String value, String setting) {
        String hint = "Give extensions, not names or globs, e.g. " + setting + " .tags,.wd14.";
        String ext = withDot(value, setting, hint);
        if (ext.chars().anyMatch(c -> Character.isWhitespace(c) || "*?[]{},".indexOf(c) >= 0)) {
            throw new TaglineException("Invalid " + setting + " '" + value + "'", hint);
        }
        String kind = mediaKind(lastPart(ext));
        if (kind != null) {
            throw new TaglineException(setting + " " + ext + " is " + kind + " extension: such files are "
                    + kind.substring(kind.indexOf(' ') + 1) + "s of their own, not sidecars",
                    "Give the extensions of the text or data files other tools keep beside the images, e.g. "
                            + setting + " .tags,.wd14.");
        }
        return ext;
    }

    /** {@code value} stripped, with a leading dot; refuses an empty value or a path, with {@code hint}. */
    private static String withDot(String value, String setting, String hint) {
        String ext = value == null ? "" : value.strip();
        if (ext.isEmpty() || ext.equals(".") || ext.contains("/") || ext.contains("\\")) {
            throw new TaglineException("Invalid " + setting + " '" + value + "'", hint);
        }
        return ext.startsWith(".") ? ext : "." + ext;
    }

    private static String lastPart(String ext) {
        return ext.substring(ext.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    /** {@code "an image"} or {@code "a video"} for such an extension (lower case, no dot), else null. */
    private static String mediaKind(String bare) {
        return ImageFormat.EXTENSIONS.contains(bare) || OTHER_IMAGE_EXTENSIONS.contains(bare) ? "an image"
                : VIDEO_EXTENSIONS.contains(bare) ? "a video" : null;
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
