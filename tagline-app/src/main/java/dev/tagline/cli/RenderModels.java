package dev.tagline.cli;

import dev.tagline.core.TaglineException;
import dev.tagline.images.tag.ImageTagger;
import dev.tagline.images.tag.QualitySettings;
import dev.tagline.images.tag.QualityTagger;
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

    static List<ImageTagger> taggers(List<String> taggerIds, BuiltinModels models) {
        List<ImageTagger> out = new ArrayList<>();
        for (String id : taggerIds) {
            if (!id.equals("quality")) {
                throw new TaglineException("--tagger " + id + " is not available here",
                        "Use --tagger quality; WD and RAM++ taggers come with 'tagline tag' (issue #4).");
            }
            out.add(new QualityTagger(models.faces(FaceSettings.DEFAULTS), models.textReader(
                    QualitySettings.DEFAULTS.ocrSettings()), QualitySettings.DEFAULTS));
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
