package dev.tagline.images.tag;

import java.util.List;

/** A tagger together with the models it uses but does not own, closed with it. */
final class OwningTagger implements ImageTagger {
    private final ImageTagger tagger;
    private final AutoCloseable[] owned;

    OwningTagger(ImageTagger tagger, AutoCloseable... owned) {
        this.tagger = tagger;
        this.owned = owned.clone();
    }

    @Override
    public String id() {
        return tagger.id();
    }

    @Override
    public String describe() {
        return tagger.describe() + " (built-in BlazeFace and PaddleOCR models)";
    }

    @Override
    public Prepared prepare(TaggerInput input) {
        return tagger.prepare(input);
    }

    @Override
    public List<ScoredTags> tagPrepared(List<Prepared> batch) {
        return tagger.tagPrepared(batch);
    }

    @Override
    public void close() {
        tagger.close();
        for (AutoCloseable c : owned) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing " + c + " failed", e);
            }
        }
    }
}
