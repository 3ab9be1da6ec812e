package dev.tagline.images.tag;

import dev.tagline.core.RgbImage;
import dev.tagline.testkit.onnx.ElementType;
import dev.tagline.testkit.onnx.OnnxGraphBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Tiny WD-shaped and RAM++-shaped models with the real I/O signatures, whose scores are simple functions of the
 * preprocessed input, so that a wrong channel order, pad colour, scaling or resize changes the tags.
 */
final class SyntheticTaggers {
    private SyntheticTaggers() {
    }

    /**
     * A WD folder whose model gives, per image, the mean of each input channel / 255 as the scores of the tags
     * {@code blue}, {@code green}, {@code red} (BGR input order), at input {@code size}; {@code batch} is "N" or 1.
     */
    static Path wdChannelMeans(Path dir, int size, Object batch) {
        OnnxGraphBuilder.create()
                .input("input_1:0", ElementType.FLOAT, batch, size, size, 3)
                .reduceMean("input_1:0", "mean", false, 1, 2)
                .floats("scale", new float[] {1 / 255f}, 1)
                .mul("mean", "scale", "predictions_sigmoid")
                .output("predictions_sigmoid", ElementType.FLOAT, batch, 3)
                .write(dir.resolve("model.onnx"));
        csv(dir, List.of("blue,0", "green,0", "red,0"));
        return dir;
    }

    /** A WD folder whose model outputs its whole {@code [size,size,3]} input / 255: tag {@code pI} = value I. */
    static Path wdIdentity(Path dir, int size) {
        int n = size * size * 3;
        OnnxGraphBuilder.create()
                .input("input", ElementType.FLOAT, "N", size, size, 3)
                .reshape("input", "flat", 0, n)
                .floats("scale", new float[] {1 / 255f}, 1)
                .mul("flat", "scale", "output")
                .output("output", ElementType.FLOAT, "N", n)
                .write(dir.resolve("model.onnx"));
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add("p" + i + ",0");
        }
        csv(dir, rows);
        return dir;
    }

    /**
     * A RAM++ folder (NCHW {@code [1,3,size,size]} → logits {@code [1,3]}) whose logits are the means of the
     * normalised input channels, tags {@code red}, {@code green}, {@code blue}; no thresholds file.
     */
    static Path ramChannelMeans(Path dir, int size) {
        OnnxGraphBuilder.create()
                .input("image", ElementType.FLOAT, 1, 3, size, size)
                .reduceMean("image", "logits", false, 2, 3)
                .output("logits", ElementType.FLOAT, 1, 3)
                .write(dir.resolve("model.onnx"));
        write(dir.resolve("tags.txt"), "red\ngreen\nblue\n");
        return dir;
    }

    /** Writes {@code selected_tags.csv} with the given {@code name,category} rows. */
    static void csv(Path dir, List<String> rows) {
        StringBuilder text = new StringBuilder("tag_id,name,category,count\n");
        for (int i = 0; i < rows.size(); i++) {
            String[] parts = rows.get(i).split(",(?=[0-9]+$)");
            text.append(i).append(',').append(parts[0]).append(',').append(parts[1]).append(",100\n");
        }
        write(dir.resolve("selected_tags.csv"), text.toString());
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-colour image. */
    static RgbImage solid(int w, int h, int rgb) {
        byte[] px = new byte[w * h * 3];
        for (int i = 0; i < px.length; i += 3) {
            px[i] = (byte) (rgb >> 16);
            px[i + 1] = (byte) (rgb >> 8);
            px[i + 2] = (byte) rgb;
        }
        return new RgbImage(w, h, px);
    }

    /** The pattern pil_golden.py draws. */
    static RgbImage pattern(int w, int h) {
        byte[] px = new byte[w * h * 3];
        for (int y = 0, p = 0; y < h; y++) {
            for (int x = 0; x < w; x++, p += 3) {
                px[p] = (byte) ((x * 37 + y * 11) % 256);
                px[p + 1] = (byte) ((x * x + 3 * y) % 256);
                px[p + 2] = (byte) ((x * y * 7 + 50) % 256);
            }
        }
        return new RgbImage(w, h, px);
    }
}
