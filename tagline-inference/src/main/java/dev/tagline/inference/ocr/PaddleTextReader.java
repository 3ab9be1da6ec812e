package dev.tagline.inference.ocr;

import dev.tagline.inference.ImagePixels;
import dev.tagline.inference.onnx.OnnxInputs;
import dev.tagline.inference.onnx.OnnxModel;
import dev.tagline.inference.onnx.OnnxOutputs;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

/** PaddleOCR PP-OCRv4 through ONNX Runtime; the array work lives in the translator classes of this package. */
final class PaddleTextReader implements TextReader {
    private final OnnxModel det;
    private final OnnxModel rec;
    private final OnnxModel cls;
    private final CtcDecoder decoder;
    private final OcrSettings settings;

    PaddleTextReader(OnnxModel det, OnnxModel rec, OnnxModel cls, CtcDecoder decoder, OcrSettings settings) {
        this.det = det;
        this.rec = rec;
        this.cls = cls;
        this.decoder = decoder;
        this.settings = settings;
    }

    @Override
    public String describe() {
        return det.describe() + "; " + rec.describe() + "; " + cls.describe();
    }

    @Override
    public List<TextLine> detect(BufferedImage image) {
        List<TextLine> lines = new ArrayList<>();
        for (DbPostprocessor.Detection d : detectBoxes(image)) {
            lines.add(line(d, "", 0));
        }
        return lines;
    }

    @Override
    public List<TextLine> read(BufferedImage image) {
        return read(image, 0);
    }

    @Override
    public List<TextLine> read(BufferedImage image, double minLineHeight) {
        List<DbPostprocessor.Detection> boxes = largest(tallEnough(detectBoxes(image), minLineHeight),
                settings.maxLines());
        if (boxes.isEmpty()) {
            return List.of();
        }
        int[] src = ImagePixels.packed(image);
        int w = image.getWidth();
        int h = image.getHeight();
        List<double[]> quads = new ArrayList<>();
        double[] ratios = new double[boxes.size()];
        for (int i = 0; i < boxes.size(); i++) {
            double[] quad = boxes.get(i).box().corners();
            double[] size = OcrTranslator.cropSize(quad);
            if (size[1] / size[0] >= 1.5) { // predict_system.py: rotate tall crops by 90°
                quad = QuadSampler.rotate90(quad);
                size = new double[] {size[1], size[0]};
            }
            quads.add(quad);
            ratios[i] = size[0] / size[1];
        }
        if (cls != null) {
            classifyAngles(src, w, h, quads, ratios);
        }
        CtcDecoder.Decoded[] texts = recognise(src, w, h, quads, ratios);
        List<TextLine> lines = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            if (texts[i].confidence() >= settings.dropScore() && !texts[i].text().isBlank()) {
                lines.add(line(boxes.get(i), texts[i].text(), texts[i].confidence()));
            }
        }
        return lines;
    }

    private List<DbPostprocessor.Detection> detectBoxes(BufferedImage image) {
        int[] size = OcrTranslator.detSize(image.getWidth(), image.getHeight(), settings.detMaxSide());
        float[] input = OcrTranslator.detInput(image, size[0], size[1]);
        float[] prob = run(det, input, 1, 3, size[1], size[0]);
        List<DbPostprocessor.Detection> boxes = new ArrayList<>(DbPostprocessor.boxes(prob, size[0], size[1],
                image.getWidth(), image.getHeight(), settings.binaryThreshold(), settings.boxThreshold(),
                settings.unclipRatio()));
        return ReadingOrder.sort(boxes);
    }

    /** The boxes whose shorter side, as cropped for the recogniser, is at least {@code min} pixels. */
    static List<DbPostprocessor.Detection> tallEnough(List<DbPostprocessor.Detection> boxes, double min) {
        if (min <= 0) {
            return boxes;
        }
        return boxes.stream().filter(d -> {
            double[] size = OcrTranslator.cropSize(d.box().corners());
            return Math.min(size[0], size[1]) >= min;
        }).toList();
    }

    /** The {@code max} largest boxes, still in reading order (all when {@code max} is 0). */
    static List<DbPostprocessor.Detection> largest(List<DbPostprocessor.Detection> boxes, int max) {
        if (max == 0 || boxes.size() <= max) {
            return boxes;
        }
        List<DbPostprocessor.Detection> bySize = new ArrayList<>(boxes);
        bySize.sort(Comparator.comparingDouble((DbPostprocessor.Detection d) -> d.box().area()).reversed());
        var keep = new HashSet<>(bySize.subList(0, max));
        return boxes.stream().filter(keep::contains).toList();
    }

    private void classifyAngles(int[] src, int w, int h, List<double[]> quads, double[] ratios) {
        for (int start = 0; start < quads.size(); start += settings.recBatch()) {
            int end = Math.min(quads.size(), start + settings.recBatch());
            List<double[]> batch = quads.subList(start, end);
            float[] input = OcrTranslator.batchInput(OcrTranslator.crops(src, w, h, batch,
                    Arrays.copyOfRange(ratios, start, end), OcrTranslator.CLS_HEIGHT, OcrTranslator.CLS_WIDTH),
                    OcrTranslator.CLS_HEIGHT, OcrTranslator.CLS_WIDTH);
            float[] probs = run(cls, input, batch.size(), 3, OcrTranslator.CLS_HEIGHT, OcrTranslator.CLS_WIDTH);
            for (int i = 0; i < batch.size(); i++) {
                if (probs[2 * i + 1] > probs[2 * i] && probs[2 * i + 1] > settings.angleThreshold()) {
                    quads.set(start + i, QuadSampler.rotate180(quads.get(start + i)));
                }
            }
        }
    }

    private CtcDecoder.Decoded[] recognise(int[] src, int w, int h, List<double[]> quads, double[] ratios) {
        Integer[] order = new Integer[quads.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> ratios[i])); // batch crops of similar shape
        CtcDecoder.Decoded[] out = new CtcDecoder.Decoded[quads.size()];
        for (int start = 0; start < order.length; start += settings.recBatch()) {
            int end = Math.min(order.length, start + settings.recBatch());
            List<double[]> batch = new ArrayList<>();
            double[] batchRatios = new double[end - start];
            double maxRatio = (double) OcrTranslator.REC_MIN_WIDTH / OcrTranslator.REC_HEIGHT;
            for (int i = start; i < end; i++) {
                batch.add(quads.get(order[i]));
                batchRatios[i - start] = ratios[order[i]];
                maxRatio = Math.max(maxRatio, ratios[order[i]]);
            }
            int width = (int) (OcrTranslator.REC_HEIGHT * maxRatio);
            List<OcrTranslator.Crop> crops = OcrTranslator.crops(src, w, h, batch, batchRatios,
                    OcrTranslator.REC_HEIGHT, width);
            float[] input = OcrTranslator.batchInput(crops, OcrTranslator.REC_HEIGHT, width);
            float[] probs = run(rec, input, batch.size(), 3, OcrTranslator.REC_HEIGHT, width);
            int steps = (int) (probs.length / ((long) batch.size() * decoder.classCount()));
            for (int i = start; i < end; i++) {
                CtcDecoder.Decoded d = decoder.decode(probs, (i - start) * steps * decoder.classCount(), steps);
                if (settings.restoreSpaces()) {
                    OcrTranslator.Crop crop = crops.get(i - start);
                    String text = WordGaps.restore(d, WordGaps.gaps(crop.pixels(), crop.width(), crop.height()),
                            (double) width / steps);
                    d = new CtcDecoder.Decoded(text, d.confidence(), d.steps());
                }
                out[order[i]] = d;
            }
        }
        return out;
    }

    /** The first output of {@code model} on its first input; ONNX Runtime errors name the model file. */
    private static float[] run(OnnxModel model, float[] input, long... shape) {
        try (OnnxInputs inputs = model.newInputs().floats(model.signature().input(0).name(), input, shape);
                OnnxOutputs outputs = model.run(inputs)) {
            return outputs.floats(model.signature().output(0).name()).data();
        }
    }

    private static TextLine line(DbPostprocessor.Detection d, String text, double confidence) {
        double[] c = d.box().corners();
        List<TextLine.Point> corners = List.of(new TextLine.Point(c[0], c[1]), new TextLine.Point(c[2], c[3]),
                new TextLine.Point(c[4], c[5]), new TextLine.Point(c[6], c[7]));
        return new TextLine(corners, text, confidence, d.score());
    }
}
