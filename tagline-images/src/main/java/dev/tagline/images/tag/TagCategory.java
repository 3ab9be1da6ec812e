package dev.tagline.images.tag;

/**
 * The category of a tag, as {@code selected_tags.csv} codes it (captioning.md §1.2; SW {@code load_labels}). Taggers
 * without categories (RAM++, quality) give {@link #GENERAL}. Other Danbooru codes (artist 1, copyright 3, meta 5) are
 * thresholded as general tags.
 */
public enum TagCategory {
    RATING, GENERAL, CHARACTER;

    /** SmilingWolf/wd-tagger app.py: 9 = rating, 0 = general, 4 = character. */
    public static TagCategory fromCode(int code) {
        return switch (code) {
            case 9 -> RATING;
            case 4 -> CHARACTER;
            default -> GENERAL;
        };
    }
}
