package dev.tagline.images.tag;

import dev.tagline.core.RgbImage;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One image to tag: its pixels and, when it came from a file, that file (some signals, such as the JPEG quantisation
 * tables, live in the file and not in the pixels).
 */
public record TaggerInput(RgbImage image, Optional<Path> file) {
    public TaggerInput {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(file, "file");
    }

    public static TaggerInput of(RgbImage image) {
        return new TaggerInput(image, Optional.empty());
    }

    public static TaggerInput of(RgbImage image, Path file) {
        return new TaggerInput(image, Optional.of(file));
    }

    /** The opaque colours of {@code image} (alpha is ignored). */
    public static TaggerInput of(BufferedImage image) {
        return of(rgb(image));
    }

    public static TaggerInput of(BufferedImage image, Path file) {
        return of(rgb(image), file);
    }

    /** The pixels as a {@code TYPE_INT_RGB} image, for analyses written against Java2D. */
    public BufferedImage bufferedImage() {
        int w = image.width();
        int h = image.height();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        byte[] src = image.pixels();
        for (int i = 0, p = 0; i < dst.length; i++, p += 3) {
            dst[i] = (src[p] & 0xff) << 16 | (src[p + 1] & 0xff) << 8 | (src[p + 2] & 0xff);
        }
        return out;
    }

    private static RgbImage rgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] row = new int[w];
        byte[] pixels = new byte[3 * w * h];
        for (int y = 0, p = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++, p += 3) {
                pixels[p] = (byte) (row[x] >> 16);
                pixels[p + 1] = (byte) (row[x] >> 8);
                pixels[p + 2] = (byte) row[x];
            }
        }
        return new RgbImage(w, h, pixels);
    }
}
