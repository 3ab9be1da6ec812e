package dev.tagline.web;

import dev.tagline.core.files.AtomicFiles;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.imageio.ImageIO;

/**
 * JPEG thumbnails (longest side {@link #SIZE} px) generated once per image version and cached on disk, keyed by the
 * image's path, size and modification time, so an edited image gets a fresh one. Thread-safe: concurrent requests
 * for the same image may both render; the atomic write keeps the cache whole.
 */
final class Thumbnails {
    static final int SIZE = 256;
    private final Path cache;

    Thumbnails(Path cache) {
        this.cache = cache;
    }

    /** The cached thumbnail file for {@code image}, rendered now if missing; null when the image cannot be decoded. */
    Path of(Path image) throws IOException {
        Path thumb = cache.resolve(key(image) + ".jpg");
        if (Files.exists(thumb)) {
            return thumb;
        }
        BufferedImage src = ImageIO.read(image.toFile());
        if (src == null) {
            return null;
        }
        double scale = Math.min(1.0, (double) SIZE / Math.max(src.getWidth(), src.getHeight()));
        int w = Math.max(1, (int) Math.round(src.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(src.getHeight() * scale));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(out, "jpg", bytes);
        Files.createDirectories(cache);
        AtomicFiles.write(thumb, bytes.toByteArray());
        return thumb;
    }

    private static String key(Path image) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((image + "|" + Files.size(image) + "|" + Files.getLastModifiedTime(image).toMillis())
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
