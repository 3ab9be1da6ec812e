package dev.tagline.inference.faces;

import dev.tagline.inference.onnx.OnnxSessions;
import dev.tagline.inference.onnx.SessionConfig;
import dev.tagline.inference.store.ResolvedModel;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Finds faces with MediaPipe BlazeFace. Any aspect ratio: the image is letterboxed onto the square input and boxes are
 * mapped back to source pixels. Thread-safe. Its session belongs to the {@code OnnxSessions} it was opened
 * with, which closes it.
 */
public interface FaceDetector {

    /** Faces in {@code image}, highest score first. */
    List<Face> detect(BufferedImage image);

    /** One line for the log: the model file, where it runs and how it loaded. */
    default String describe() {
        return getClass().getSimpleName();
    }

    /**
     * Opens the network named by {@code settings} from the catalog model {@code blazeface}, through {@code sessions}
     * (which own the session) with {@code config} (device, threads).
     */
    static FaceDetector open(ResolvedModel blazeFace, OnnxSessions sessions, SessionConfig config,
            FaceSettings settings) {
        return new BlazeFaceDetector(sessions.load(blazeFace.file(settings.model().file()), config), settings);
    }
}
