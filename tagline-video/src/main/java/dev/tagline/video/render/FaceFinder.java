package dev.tagline.video.render;

import dev.tagline.inference.faces.FaceDetector;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Finds face boxes in a frame, in the frame's pixels, biggest first. The seam between reframing and the face model, so
 * the reframe logic is tested without ONNX and the model can be swapped. Must be thread-safe.
 */
@FunctionalInterface
public interface FaceFinder {
    List<Rect> find(BufferedImage frame);

    /** No faces ever: reframing falls back to blur-pad / center. */
    FaceFinder NONE = frame -> List.of();

    /** BlazeFace ({@code dev.tagline.inference.faces}), boxes rounded to whole pixels. */
    static FaceFinder of(FaceDetector detector) {
        return frame -> detector.detect(frame).stream()
                .filter(f -> f.width() >= 1 && f.height() >= 1)
                .map(f -> new Rect((int) Math.round(f.x()), (int) Math.round(f.y()), (int) Math.round(f.width()),
                        (int) Math.round(f.height())))
                .sorted((a, b) -> Integer.compare(b.width() * b.height(), a.width() * a.height()))
                .toList();
    }

    /**
     * {@link #of} on the detector {@code open} gives, opened on the first frame that needs it: a render whose scenes
     * all turn out to be blur-pad, center or fit never pulls or loads the face model.
     */
    static FaceFinder lazy(java.util.function.Supplier<FaceDetector> open) {
        return new FaceFinder() {
            private FaceFinder delegate;

            @Override
            public synchronized List<Rect> find(BufferedImage frame) {
                if (delegate == null) {
                    delegate = of(open.get());
                }
                return delegate.find(frame);
            }
        };
    }
}
