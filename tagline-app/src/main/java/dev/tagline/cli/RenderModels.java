package dev.tagline.cli;

import dev.tagline.images.tag.ImageTagger;
import dev.tagline.images.tag.Taggers;
import dev.tagline.inference.BuiltinModels;
import dev.tagline.inference.faces.FaceSettings;
import dev.tagline.video.render.FaceFinder;
import dev.tagline.video.render.Rect;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** The models {@code clips render} may use, opened only when a clip needs them. */
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

    /** BlazeFace, pulled and loaded on the first frame that needs it (never for center, fit or blur-pad). */
    static FaceFinder lazyFaces(BuiltinModels models) {
        return new FaceFinder() {
            private FaceFinder delegate;

            @Override
            public synchronized List<Rect> find(BufferedImage frame) {
                if (delegate == null) {
                    delegate = FaceFinder.of(models.faces(FaceSettings.DEFAULTS));
                }
                return delegate.find(frame);
            }
        };
    }
}
