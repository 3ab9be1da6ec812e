package dev.tagline.inference.ocr;

import dev.tagline.core.TaglineException;

/**
 * PaddleOCR settings; defaults are the PP-OCRv4-era CLI defaults of {@code tools/infer/utility.py} (models.md §3).
 *
 * @param detMaxSide longest side fed to the detector ({@code det_limit_side_len 960}, {@code det_limit_type max})
 * @param binaryThreshold probability-map binarisation ({@code det_db_thresh 0.3})
 * @param boxThreshold minimum mean probability inside a box ({@code det_db_box_thresh 0.6})
 * @param unclipRatio box expansion ({@code det_db_unclip_ratio 1.5})
 * @param useAngleClassifier run the 0/180° classifier on each crop ({@code use_angle_cls})
 * @param angleThreshold rotate when "180" wins with more than this ({@code cls_thresh 0.9})
 * @param dropScore drop lines recognised with lower confidence ({@code drop_score 0.5})
 * @param recBatch crops per recognition batch ({@code rec_batch_num 6})
 * @param restoreSpaces put back spaces between Latin words that the Chinese recogniser drops (see {@code WordGaps})
 * @param maxLines recognise at most this many lines, the largest boxes (0: all); bounds the time per image
 */
public record OcrSettings(int detMaxSide, double binaryThreshold, double boxThreshold, double unclipRatio,
        boolean useAngleClassifier, double angleThreshold, double dropScore, int recBatch, boolean restoreSpaces,
        int maxLines) {
    public static final OcrSettings DEFAULTS = new OcrSettings(960, 0.3, 0.6, 1.5, true, 0.9, 0.5, 6, true, 0);

    public OcrSettings {
        if (detMaxSide < 32) {
            throw new TaglineException("ocr.det-max-side must be at least 32, got " + detMaxSide, "The default is 960.");
        }
        requireUnit("ocr.binary-threshold", binaryThreshold);
        requireUnit("ocr.box-threshold", boxThreshold);
        requireUnit("ocr.angle-threshold", angleThreshold);
        requireUnit("ocr.drop-score", dropScore);
        if (!(unclipRatio > 0 && unclipRatio <= 10)) {
            throw new TaglineException("ocr.unclip-ratio must be in (0, 10], got " + unclipRatio, "The default is 1.5.");
        }
        if (maxLines < 0) {
            throw new TaglineException("ocr.max-lines must be 0 (all) or more, got " + maxLines, "The default is 0.");
        }
        if (recBatch < 1) {
            throw new TaglineException("ocr.rec-batch must be at least 1, got " + recBatch, "The default is 6.");
        }
    }

    public OcrSettings withDetMaxSide(int side) {
        return new OcrSettings(side, binaryThreshold, boxThreshold, unclipRatio, useAngleClassifier, angleThreshold,
                dropScore, recBatch, restoreSpaces, maxLines);
    }

    public OcrSettings withAngleClassifier(boolean on) {
        return new OcrSettings(detMaxSide, binaryThreshold, boxThreshold, unclipRatio, on, angleThreshold, dropScore,
                recBatch, restoreSpaces, maxLines);
    }

    public OcrSettings withRestoreSpaces(boolean on) {
        return new OcrSettings(detMaxSide, binaryThreshold, boxThreshold, unclipRatio, useAngleClassifier,
                angleThreshold, dropScore, recBatch, on, maxLines);
    }

    public OcrSettings withMaxLines(int lines) {
        return new OcrSettings(detMaxSide, binaryThreshold, boxThreshold, unclipRatio, useAngleClassifier,
                angleThreshold, dropScore, recBatch, restoreSpaces, lines);
    }

    private static void requireUnit(String key, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new TaglineException(key + " must be in [0, 1], got " + value, "See docs/builtin-models.md.");
        }
    }
}
