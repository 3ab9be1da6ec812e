package dev.tagline.images.tag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Against Pillow itself: pil_golden.txt was written by pil_golden.py (beside it in the test resources). */
class PilResampleTest {
    static Map<String, byte[]> golden() throws IOException {
        Map<String, byte[]> cases = new HashMap<>();
        try (InputStream in = PilResampleTest.class.getResourceAsStream("pil_golden.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                String[] parts = line.split(" ");
                cases.put(parts[0], HexFormat.of().parseHex(parts[1]));
            }
        }
        return cases;
    }

    static byte[] wd(int w, int h, int size) {
        int side = Math.max(w, h);
        return PilResample.resize(SyntheticTaggers.pattern(w, h), side, side, (side - w) / 2, (side - h) / 2,
                0xFFFFFF, size, size, PilResample.Filter.BICUBIC);
    }

    @Test
    void padAndBicubicDownscaleMatchPillowExactly() throws IOException {
        assertArrayEquals(golden().get("wd_37x23_to_16"), wd(37, 23, 16));
        assertArrayEquals(golden().get("wd_20x31_to_9"), wd(20, 31, 9));
    }

    /** Whole output columns, then rows, computed from the padding alone (one product per value) stay exact. */
    @Test
    void outputsTakenFromThePaddingAloneMatchPillowExactly() throws IOException {
        assertArrayEquals(golden().get("wd_8x60_to_16"), wd(8, 60, 16));
        assertArrayEquals(golden().get("wd_60x8_to_16"), wd(60, 8, 16));
    }

    @Test
    void padAndBicubicUpscaleMatchPillowExactly() throws IOException {
        assertArrayEquals(golden().get("wd_11x7_to_16"), wd(11, 7, 16));
    }

    @Test
    void squareImageOfTheModelSizeIsNotResampled() throws IOException {
        assertArrayEquals(golden().get("wd_16x16_to_16"), wd(16, 16, 16));
    }

    @Test
    void bilinearSquashMatchesPillowExactly() throws IOException {
        assertArrayEquals(golden().get("bilinear_37x23_to_12x10"), PilResample.resize(SyntheticTaggers.pattern(37, 23),
                37, 23, 0, 0, 0, 12, 10, PilResample.Filter.BILINEAR));
        assertArrayEquals(golden().get("bilinear_5x4_to_12x10"), PilResample.resize(SyntheticTaggers.pattern(5, 4),
                5, 4, 0, 0, 0, 12, 10, PilResample.Filter.BILINEAR));
    }

    @Test
    void bicubicKernelIsPillowsWithAMinusHalf() {
        PilResample.Filter f = PilResample.Filter.BICUBIC;
        assertEquals(1.0, f.weight(0), 0);
        assertEquals(0.5625, f.weight(0.5), 1e-12); // (1.5*.5 - 2.5)*.25 + 1
        assertEquals(-0.0625, f.weight(1.5), 1e-12); // ((1.5-5)*1.5+8)*1.5-4 = .125, * -0.5
        assertEquals(0.0, f.weight(2.0), 0);
    }
}
