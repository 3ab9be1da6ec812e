package dev.tagline.cli;

import dev.tagline.images.tag.ImageTagger;
import dev.tagline.images.tag.Taggers;
import java.util.ArrayList;
import java.util.List;

/** The image taggers {@code clips render} may use for keyframe hashtags. */
final class RenderModels {
    private RenderModels() {
    }

    /**
     * The taggers for keyframe hashtags, opened as {@code tagline tag} opens them: {@code quality}, a WD or RAM++
     * catalog id. Their sessions belong to the caller's {@code OnnxSessions}.
     */
    static List<ImageTagger> taggers(List<String> taggerIds, Taggers factory) {
        List<ImageTagger> out = new ArrayList<>();
        for (String id : taggerIds) {
            out.add(factory.open(id, null));
        }
        return out;
    }
}
