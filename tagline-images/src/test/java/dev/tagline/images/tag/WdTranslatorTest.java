package dev.tagline.images.tag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tagline.core.RgbImage;
import dev.tagline.inference.onnx.FloatTensor;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** WD inputs built straight from the resampler's rows as bytes, and batched as floats 0–255 in order. */
class WdTranslatorTest {
    private final WdTranslator translator = new WdTranslator(Path.of("model.onnx"), null, 24, "input", "output");

    /** app.py {@code prepare_image}, as the bytes of the reference resampler turned BGR. */
    static float[] expected(RgbImage image, int size) {
        int side = Math.max(image.width(), image.height());
        byte[] rgb = PilResampleReference.resize(image, side, side, (side - image.width()) / 2,
                (side - image.height()) / 2, 0xFFFFFF, size, size, PilResample.Filter.BICUBIC);
        float[] bgr = new float[rgb.length];
        for (int i = 0; i < rgb.length; i += 3) {
            bgr[i] = rgb[i + 2] & 0xff;
            bgr[i + 1] = rgb[i + 1] & 0xff;
            bgr[i + 2] = rgb[i] & 0xff;
        }
        return bgr;
    }

    @Test
    void tensorIsThePaddedBicubicResizeInBgr() {
        Random random = new Random(3);
        for (int[] shape : new int[][] {{37, 23}, {23, 37}, {24, 24}, {1, 90}, {200, 150}, {5, 5}}) {
            byte[] px = new byte[shape[0] * shape[1] * 3];
            random.nextBytes(px);
            RgbImage image = new RgbImage(shape[0], shape[1], px);
            for (int size : new int[] {24, 64}) {
                assertArrayEquals(expected(image, size), widen(WdTranslator.tensor(image, size)),
                        image + " to " + size);
            }
        }
    }

    @Test
    void aBatchOfOneIsTheImagesValues() {
        byte[] one = WdTranslator.tensor(SyntheticTaggers.pattern(30, 20), 24);
        FloatTensor in = translator.preprocess(List.of(one), null).floats("input");
        assertArrayEquals(widen(one), in.data());
        assertArrayEquals(new long[] {1, 24, 24, 3}, in.shape());
    }

    /** Unsigned bytes as the floats the model reads: a byte of 255 must be 255.0, not -1.0. */
    static float[] widen(byte[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Byte.toUnsignedInt(values[i]);
        }
        return out;
    }

    @Test
    void aBatchOfSeveralIsTheirTensorsInOrder() {
        byte[] a = WdTranslator.tensor(SyntheticTaggers.pattern(30, 20), 24);
        byte[] b = WdTranslator.tensor(SyntheticTaggers.pattern(20, 30), 24);
        FloatTensor in = translator.preprocess(List.of(a, b), null).floats("input");
        assertArrayEquals(new long[] {2, 24, 24, 3}, in.shape());
        assertEquals(2 * a.length, in.data().length);
        assertArrayEquals(widen(a), java.util.Arrays.copyOfRange(in.data(), 0, a.length));
        assertArrayEquals(widen(b), java.util.Arrays.copyOfRange(in.data(), a.length, 2 * a.length));
    }
}
