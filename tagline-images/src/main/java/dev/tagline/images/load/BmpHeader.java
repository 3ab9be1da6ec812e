package dev.tagline.images.load;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Sanity checks on a BMP's headers and palette indices that the JDK reader skips (bmpsuite's "bad" set): planes must
 * be 1, declared file and image sizes must fit in the file, densities must be plausible, a palette no bigger than the
 * bit depth allows, RLE bitmaps bottom-up, and every pixel's index inside the palette.
 */
final class BmpHeader {
    /** 1,000,000 pixels per metre is 25,400 dpi: no scanner or screen comes near. */
    static final long MAX_DENSITY = 1_000_000L;

    private BmpHeader() {
    }

    /** Returns the problem or null; OS/2 headers (size < 40) are left to the reader. */
    static String inspect(byte[] b) {
        if (b.length < 54 || i32(b, 14) < 40) {
            return null;
        }
        long fileSize = u32(b, 2);
        long offset = u32(b, 10);
        int height = i32(b, 22);
        int planes = u16(b, 26);
        int bits = u16(b, 28);
        long compression = u32(b, 30);
        long imageSize = u32(b, 34);
        long colours = u32(b, 46);
        if (planes != 1) {
            return "BMP header says " + planes + " planes; it must be 1";
        }
        if (fileSize > b.length) {
            return "BMP header declares " + fileSize + " bytes, the file has " + b.length;
        }
        if (imageSize > b.length - offset) {
            return "BMP header declares " + imageSize + " bytes of pixels, the file has " + (b.length - offset);
        }
        if (Math.abs((long) i32(b, 38)) > MAX_DENSITY || Math.abs((long) i32(b, 42)) > MAX_DENSITY) {
            return "BMP header has an impossible density (" + i32(b, 38) + " x " + i32(b, 42) + " pixels per metre)";
        }
        if (bits <= 8 && colours > (1L << bits)) {
            return "BMP palette of " + colours + " colours for " + bits + "-bit pixels";
        }
        if ((compression == 1 || compression == 2) && height < 0) {
            return "RLE-compressed BMP stored top-down, which the format does not allow";
        }
        return null;
    }

    /** For a decoded palette image: a pixel index past the palette's end, or null. */
    static String paletteProblem(BufferedImage img) {
        if (!(img.getColorModel() instanceof IndexColorModel icm)) {
            return null;
        }
        Raster raster = img.getRaster();
        int size = icm.getMapSize();
        int[] row = new int[img.getWidth()];
        for (int y = 0; y < img.getHeight(); y++) {
            raster.getSamples(0, y, img.getWidth(), 1, 0, row);
            for (int v : row) {
                if (v >= size) {
                    return "pixel index " + v + " outside the " + size + "-colour palette (row " + y + ")";
                }
            }
        }
        return null;
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
    }

    private static int i32(byte[] b, int i) {
        return u16(b, i) | u16(b, i + 2) << 16;
    }

    private static long u32(byte[] b, int i) {
        return i32(b, i) & 0xffffffffL;
    }
}
