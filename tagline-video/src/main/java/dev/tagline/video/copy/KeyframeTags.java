package dev.tagline.video.copy;

import dev.tagline.images.tag.ImageTagger;
import dev.tagline.images.tag.ScoredTag;
import dev.tagline.images.tag.ScoredTags;
import dev.tagline.images.tag.TaggerInput;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Image tags of a clip's keyframes: every configured tagger runs on the 3–5 frames, and each tag's score is its mean
 * over the frames (a frame without the tag counts 0), so a tag seen once in passing ranks below one that is always
 * there. This is how dataset tags (WD, RAM++, quality) flow into social copy.
 */
public final class KeyframeTags {
    private KeyframeTags() {
    }

    public static List<ScoredTag> of(List<ImageTagger> taggers, List<BufferedImage> frames) {
        if (frames.isEmpty()) {
            return List.of();
        }
        List<TaggerInput> batch = frames.stream().map(TaggerInput::of).toList();
        List<ScoredTags> all = new ArrayList<>();
        for (ImageTagger tagger : taggers) {
            all.addAll(tagger.tag(batch));
        }
        return mean(all, frames.size());
    }

    static List<ScoredTag> mean(List<ScoredTags> perFrame, int frames) {
        Map<String, Double> sum = new LinkedHashMap<>();
        for (ScoredTags tags : perFrame) {
            for (ScoredTag t : tags.tags()) {
                sum.merge(t.name(), t.score(), Double::sum);
            }
        }
        List<ScoredTag> out = new ArrayList<>();
        sum.forEach((name, s) -> out.add(new ScoredTag(name, Math.min(1, s / frames))));
        out.sort((a, b) -> Double.compare(b.score(), a.score()));
        return out;
    }
}
