package dev.tagline.inference.ocr;

import dev.tagline.core.TaglineException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Greedy CTC decoding of the recogniser's {@code [T, classes]} softmax (PaddleOCR {@code ppocr/postprocess/
 * rec_postprocess.py} CTCLabelDecode): argmax per step, collapse repeats, drop the blank. Class 0 is the blank, classes
 * 1…n are the dictionary lines, class n + 1 is the space ({@code use_space_char true}). Confidence is the mean max
 * probability of the kept steps (0 when nothing is kept).
 */
final class CtcDecoder {
    private final String[] classes;

    CtcDecoder(List<String> dictionary) {
        classes = new String[dictionary.size() + 2];
        classes[0] = "";
        for (int i = 0; i < dictionary.size(); i++) {
            classes[i + 1] = dictionary.get(i);
        }
        classes[classes.length - 1] = " ";
    }

    static CtcDecoder fromDictionary(Path keys) {
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(keys, StandardCharsets.UTF_8));
            while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            return new CtcDecoder(lines);
        } catch (IOException e) {
            throw new TaglineException("Cannot read the OCR dictionary " + keys + ": " + e.getMessage(),
                    "Delete the model's cache folder so it is fetched again.", e);
        }
    }

    int classCount() {
        return classes.length;
    }

    /**
     * @param text the decoded text
     * @param confidence mean max probability of the kept steps
     * @param steps for each char of {@code text}, the time step that emitted it
     */
    record Decoded(String text, double confidence, int[] steps) {
    }

    /** Decodes one sequence of {@code steps × classCount()} probabilities starting at {@code offset}. */
    Decoded decode(float[] probs, int offset, int steps) {
        int n = classes.length;
        StringBuilder text = new StringBuilder();
        int[] at = new int[steps * 2];
        double sum = 0;
        int kept = 0;
        int previous = -1;
        for (int t = 0; t < steps; t++) {
            int base = offset + t * n;
            int best = 0;
            float bestP = probs[base];
            for (int c = 1; c < n; c++) {
                if (probs[base + c] > bestP) {
                    bestP = probs[base + c];
                    best = c;
                }
            }
            if (best != 0 && best != previous) {
                for (int k = 0; k < classes[best].length(); k++) {
                    if (text.length() == at.length) {
                        at = Arrays.copyOf(at, at.length * 2);
                    }
                    at[text.length()] = t;
                    text.append(classes[best].charAt(k));
                }
                sum += bestP;
                kept++;
            }
            previous = best;
        }
        return new Decoded(text.toString(), kept == 0 ? 0 : sum / kept, Arrays.copyOf(at, text.length()));
    }
}
