package dev.tagline.images.caption;

/**
 * What one {@code tagline caption} run did, for its report: images captioned and passed over, requests and tokens
 * (as the server counted them), captions that still leave out some of their tags, captions cut at the token limit.
 * Updated on the writer thread only.
 */
public final class CaptionStats {
    /** How many of the images whose captions leave out tags are named ({@link #missingTagImages}). */
    public static final int NAMED = 5;
    private long captioned;
    private long skipped;
    private long kept;
    private long requests;
    private long promptTokens;
    private long completionTokens;
    private long missingTags;
    private long cutShort;
    private long noTags;
    private final java.util.List<String> missingTagImages = new java.util.ArrayList<>();

    /**
     * Counts the requests and tokens of {@code o}, and image {@code name} (its path in the folder) as captioned when
     * {@code captioned}.
     */
    void add(CaptionPass.Outcome o, boolean captioned, String name) {
        requests += o.requests();
        promptTokens += o.promptTokens();
        completionTokens += o.completionTokens();
        if (captioned) {
            this.captioned++;
            if (!o.missingTags().isEmpty() && missingTags++ < NAMED) {
                missingTagImages.add(name);
            }
            cutShort += o.finishReason().equals("length") ? 1 : 0;
        }
    }

    /** An image whose prompt's {@code {tags}} stayed empty: no tags sidecar beside it and no tagger ran. */
    void addNoTags() {
        noTags++;
    }

    /** Images whose prompt's {@code {tags}} stayed empty (no tags sidecar, no tagger). */
    public long noTags() {
        return noTags;
    }

    /** An item passed over: not an image, a OneTrainer mask, or an image whose sidecars are {@code kept}. */
    void passedOver(boolean kept) {
        skipped++;
        this.kept += kept ? 1 : 0;
    }

    public long captioned() {
        return captioned;
    }

    public long skipped() {
        return skipped;
    }

    /** Of {@link #skipped}, the images passed over because their sidecars exist ({@code --existing skip}). */
    public long kept() {
        return kept;
    }

    public long requests() {
        return requests;
    }

    public long promptTokens() {
        return promptTokens;
    }

    public long completionTokens() {
        return completionTokens;
    }

    /** Captions that leave out at least one of their tags after the retries. */
    public long missingTags() {
        return missingTags;
    }

    /** The first {@link #NAMED} images of {@link #missingTags}, as their paths in the folder, in writing order. */
    public java.util.List<String> missingTagImages() {
        return java.util.List.copyOf(missingTagImages);
    }

    /** Captions the server stopped at {@code --max-tokens} ({@code finish_reason: length}). */
    public long cutShort() {
        return cutShort;
    }
}
