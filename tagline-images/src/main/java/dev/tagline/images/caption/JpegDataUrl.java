package dev.tagline.images.caption;

import dev.tagline.core.RgbImage;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * An image as a vision server takes it: scaled down so that its longer side is at most {@code maxSide} (servers
 * resize anyway, Ollama's LLaVA to 336–672 px, OpenAI's high detail to 768 px on the short side; sending 24 MP
 * only costs upload time), JPEG-encoded and wrapped in a {@code data:image/jpeg;base64,} URL. Downscaling halves
 * with bilinear steps and then resizes once, which keeps fine detail without Java2D's aliasing on big reductions.
 */
final class JpegDataUrl {
    /** JPEG quality: high enough that a VLM sees no blocking. */
    static final float QUALITY = 0.9f;

    private JpegDataUrl() {
    }

    static String encode(RgbImage image, int maxSide) {
        return dataUrl(scaled(image, maxSide));
    }

    static String dataUrl(BufferedImage image) {
        return "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg(image));
    }

    /** The pixels of a {@code TYPE_3BYTE_BGR} image as packed RGB. */
    static RgbImage rgb(BufferedImage image) {
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        byte[] rgb = new byte[bgr.length];
        for (int i = 0; i < bgr.length; i += 3) {
            rgb[i] = bgr[i + 2];
            rgb[i + 1] = bgr[i + 1];
            rgb[i + 2] = bgr[i];
        }
        return new RgbImage(image.getWidth(), image.getHeight(), rgb);
    }

    static BufferedImage scaled(RgbImage image, int maxSide) {
        BufferedImage current = buffered(image);
        int longer = Math.max(image.width(), image.height());
        if (longer <= maxSide) {
            return current;
        }
        double scale = (double) maxSide / longer;
        int targetW = Math.max(1, (int) Math.round(image.width() * scale));
        int targetH = Math.max(1, (int) Math.round(image.height() * scale));
        while (current.getWidth() / 2 >= targetW && current.getHeight() / 2 >= targetH) {
            current = resize(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return current.getWidth() == targetW && current.getHeight() == targetH ? current
                : resize(current, targetW, targetH);
    }

    private static BufferedImage resize(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        java.awt.Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(src, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static BufferedImage buffered(RgbImage image) {
        BufferedImage out = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        byte[] src = image.pixels();
        for (int i = 0; i < src.length; i += 3) {
            dst[i] = src[i + 2];
            dst[i + 1] = src[i + 1];
            dst[i + 2] = src[i];
        }
        return out;
    }

    static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG encoding in memory failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
