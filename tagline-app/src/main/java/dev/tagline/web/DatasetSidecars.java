package dev.tagline.web;

import dev.tagline.images.sidecar.SidecarSettings;

/**
 * Where a media folder's captions and tags live, as {@code tagline caption --caption-extension/--tags-extension} give
 * them: {@code .caption} and {@code .txt} by default (kohya); {@code .txt} for both in a taggui, OneTrainer or ai-toolkit
 * dataset, where {@code NAME.txt} is the caption and there is no tag file ({@link #captionsOnly}).
 */
record DatasetSidecars(String captionExtension, String tagsExtension) {
    static final DatasetSidecars DEFAULTS = new DatasetSidecars(SidecarSettings.CAPTION_EXTENSION,
            SidecarSettings.TAGS_EXTENSION);

    DatasetSidecars {
        captionExtension = SidecarSettings.extension(captionExtension, "--caption-extension");
        tagsExtension = SidecarSettings.extension(tagsExtension, "--tags-extension");
    }

    /** One file per image, the caption: no tags box, no tag frequencies, no tag job. */
    boolean captionsOnly() {
        return captionExtension.equals(tagsExtension);
    }

    SidecarSettings captions() {
        return SidecarSettings.captions().withExtension(captionExtension);
    }

    SidecarSettings tags() {
        return SidecarSettings.tags().withExtension(tagsExtension);
    }
}
