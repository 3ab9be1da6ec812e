package dev.tagline.images.tag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tagline.core.RgbImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The transposed, vectorisable {@link PilResample} against {@link PilResampleReference} (the implementation the Pillow
 * goldens were first checked on) on random images of many shapes: blocks and transposition steps of rows cut
 * anywhere, side and top padding, off-centre canvases, up- and downscales, both filters.
 */
class PilResampleAgainstReferenceTest {
    private static RgbImage random(Random random, int w, int h) {
        byte[] px = new byte[w * h * 3];
        random.nextBytes(px);
        return new RgbImage(w, h, px);
    }

    private static void assertSame(RgbImage image, int canvasW, int canvasH, int left, int top, int fill, int outW,
                                   int outH, PilResample.Filter filter) {
        byte[] expected = PilResampleReference.resize(image, canvasW, canvasH, left, top, fill, outW, outH, filter);
        String what = image + " at " + left + "," + top + " on " + canvasW + "x" + canvasH + " to " + outW + "x" + outH
                + " " + filter;
        assertArrayEquals(expected, PilResample.resize(image, canvasW, canvasH, left, top, fill, outW, outH, filter),
                what);
        byte[] rows = new byte[outW * outH * 3];
        PilResample.resize(image, canvasW, canvasH, left, top, fill, outW, outH, filter, (y, rgb) -> {
            for (int i = 0; i < outW * 3; i++) {
                rows[y * outW * 3 + i] = (byte) rgb[i];
            }
        });
        assertArrayEquals(expected, rows, "rows of " + what);
    }

    private static void assertWdSame(RgbImage image, int size, PilResample.Filter filter) {
        int side = Math.max(image.width(), image.height());
        assertSame(image, side, side, (side - image.width()) / 2, (side - image.height()) / 2, 0xFFFFFF, size, size,
                filter);
    }

    @Test
    void benchmarkShapesPaddedToASquareAndResizedTo448AreTheSame() {
        Random random = new Random(448);
        for (int[] shape : new int[][] {{640, 480}, {480, 640}, {512, 512}, {1000, 90}, {90, 1000}}) {
            assertWdSame(random(random, shape[0], shape[1]), 448, PilResample.Filter.BICUBIC);
        }
    }

    @Test
    void randomShapesPaddedToASquareAreTheSame() {
        Random random = new Random(4);
        for (int i = 0; i < 150; i++) {
            RgbImage image = random(random, 1 + random.nextInt(300), 1 + random.nextInt(300));
            int size = 1 + random.nextInt(200);
            assertWdSame(image, size, i % 3 == 0 ? PilResample.Filter.BILINEAR : PilResample.Filter.BICUBIC);
        }
    }

    @Test
    void randomCanvasesSizesAndFillsAreTheSame() {
        Random random = new Random(7);
        for (int i = 0; i < 150; i++) {
            RgbImage image = random(random, 1 + random.nextInt(200), 1 + random.nextInt(200));
            int canvasW = image.width() + random.nextInt(60);
            int canvasH = image.height() + random.nextInt(60);
            assertSame(image, canvasW, canvasH, random.nextInt(canvasW - image.width() + 1),
                    random.nextInt(canvasH - image.height() + 1), random.nextInt(1 << 24), 1 + random.nextInt(250),
                    1 + random.nextInt(250), i % 2 == 0 ? PilResample.Filter.BILINEAR : PilResample.Filter.BICUBIC);
        }
    }

    /**
     * Rows and columns of one pixel; heights at, just under and just over multiples of the transposed block; many
     * more image rows than the ring of row arrays holds, with filters longer than a block (1500 rows to 16).
     */
    @Test
    void edgeShapesAreTheSame() {
        Random random = new Random(1);
        int block = ResamplePasses.BLOCK;
        List<int[]> shapes = new ArrayList<>(List.of(new int[] {1, 1}, new int[] {1, 300}, new int[] {300, 1},
                new int[] {block, block}, new int[] {block + 1, block - 1}, new int[] {2 * block, 2 * block + 1},
                new int[] {3 * block + 5, 7}, new int[] {40, 1500}));
        for (int[] s : shapes) {
            RgbImage image = random(random, s[0], s[1]);
            for (int size : new int[] {1, 2, 16, 97, 448}) {
                assertWdSame(image, size, PilResample.Filter.BICUBIC);
                assertSame(image, s[0], s[1], 0, 0, 0, size, Math.max(1, size / 2), PilResample.Filter.BILINEAR);
                assertSame(image, s[0], s[1], 0, 0, 0, s[0], size, PilResample.Filter.BICUBIC); // vertical only
                assertSame(image, s[0], s[1], 0, 0, 0, size, s[1], PilResample.Filter.BICUBIC); // horizontal only
            }
        }
    }

    /** Extreme colours make sums overshoot 255 and undershoot 0 after the bicubic's negative lobes. */
    @Test
    void blackAndWhiteEdgesClipAsPillowDoes() {
        byte[] px = new byte[90 * 70 * 3];
        for (int i = 0; i < px.length; i += 3) {
            byte v = (byte) ((i / 3 % 90 / 3 + i / 3 / 90 / 5) % 2 == 0 ? 0 : 255);
            px[i] = v;
            px[i + 1] = v;
            px[i + 2] = (byte) ~v;
        }
        RgbImage image = new RgbImage(90, 70, px);
        for (int size : new int[] {13, 64, 200}) {
            assertWdSame(image, size, PilResample.Filter.BICUBIC);
        }
    }

    /** The branch-free clip is Resample.c's clip8 for every sum whose shifted value lies anywhere in int range. */
    @Test
    void clipIsResampleCsClip8() {
        Random random = new Random(8);
        List<Integer> sums = new ArrayList<>(List.of(Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0, 1, (1 << 22) - 1,
                1 << 22, (255 << 22) - 1, 255 << 22, (256 << 22) - 1, 256 << 22, (256 << 22) + 1));
        for (int i = 0; i < 100_000; i++) {
            sums.add(random.nextInt());
        }
        for (int sum : sums) {
            int clip8 = sum >= 1 << 30 ? 255 : sum <= 0 ? 0 : sum >> 22; // Resample.c clip8
            assertEquals(clip8, PilResample.clip(sum), "sum " + sum);
        }
    }
}
