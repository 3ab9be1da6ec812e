package dev.tagline.images.check;

import dev.tagline.core.RgbImage;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Encodes an {@link RgbImage} as a plain sRGB file in the format its name says (JPEG at quality 95). */
final class RgbWriter {
    /** JPEG quality for rewritten files: visually lossless (Pillow's default 75 is too lossy for training data). */
    static final float JPEG_QUALITY = 0.95f;
    private static final Map<String, String> WRITERS = Map.of("jpg", "jpeg", "jpeg", "jpeg", "png", "png",
            "bmp", "bmp", "tif", "tiff", "tiff", "tiff");

    private RgbWriter() {
    }

    /** The ImageIO writer name for {@code file}'s extension; null for GIF and WebP (no faithful sRGB writer). */
    static String formatFor(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? null : WRITERS.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    static byte[] encode(RgbImage rgb, String format) throws IOException {
        BufferedImage img = new BufferedImage(rgb.width(), rgb.height(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        byte[] src = rgb.pixels();
        for (int i = 0; i < src.length; i += 3) {
            bgr[i] = src[i + 2];
            bgr[i + 1] = src[i + 1];
            bgr[i + 2] = src[i];
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format.equals("jpeg")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
