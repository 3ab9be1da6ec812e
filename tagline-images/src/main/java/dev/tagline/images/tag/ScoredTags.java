package dev.tagline.images.tag;

import java.util.List;
import java.util.Optional;

/** The tags one tagger gave one image, highest score first. */
public record ScoredTags(List<ScoredTag> tags) {
    public ScoredTags {
        tags = tags.stream().sorted((a, b) -> Double.compare(b.score(), a.score())).toList();
    }

    public List<String> names() {
        return tags.stream().map(ScoredTag::name).toList();
    }

    public Optional<ScoredTag> find(String name) {
        return tags.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
