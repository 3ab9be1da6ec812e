package dev.tagline.spark;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Generated image folders and WebDataset shards with every verdict among them, and helpers around them. */
final class Datasets {
    private Datasets() {
    }

    static byte[] image(int w, int h, String format, int seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color((w + seed * 37) % 256, (h + seed * 11) % 256, (seed * 53) % 256));
        g.fillRect(0, 0, w, h);
        g.setColor(Color.WHITE);
        g.fillOval(w / 4, h / 4, w / 2, h / 3);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * 13 files: ok JPEGs and PNGs (some in a sub-folder), a truncated JPEG and an empty PNG (corrupt), a copy of an
     * earlier image under a name the scan meets later, and one under a folder that sorts before its twin
     * ({@code a/…} before {@code a.png}), a too-small image, an unsupported file and sidecars that are no items.
     */
    static Path folder(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Files.createDirectories(dir.resolve("a"));
        for (int i = 0; i < 5; i++) {
            Files.write(dir.resolve("img-" + i + ".jpg"), image(300 + i, 300, "jpg", i));
        }
        Files.write(dir.resolve("a.png"), image(320, 300, "png", 7));
        Files.write(dir.resolve("a/first.png"), image(320, 300, "png", 7));
        Files.write(dir.resolve("sub/b.png"), image(330, 310, "png", 8));
        Files.write(dir.resolve("zz-copy.jpg"), Files.readAllBytes(dir.resolve("img-1.jpg")));
        byte[] jpeg = image(400, 300, "jpg", 9);
        Files.write(dir.resolve("sub/cut.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2));
        Files.writeString(dir.resolve("sub/cut.txt"), "a caption");
        Files.write(dir.resolve("sub/empty.png"), new byte[0]);
        Files.write(dir.resolve("tiny.png"), image(64, 64, "png", 10));
        Files.writeString(dir.resolve("clip.mp4"), "not really");
        Files.writeString(dir.resolve("img-0.txt"), "sidecars are not items");
        return dir;
    }

    /** The same files as {@link #folder}, as two WebDataset shards with a {@code .txt} member per record. */
    static List<Path> shards(Path folder, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> keys = List.of("img-0.jpg", "img-1.jpg", "img-2.jpg", "a.png", "sub/cut.jpg", "clip.mp4",
                "img-3.jpg", "img-4.jpg", "zz-copy.jpg", "tiny.png", "sub/empty.png", "sub/b.png");
        Path first = dir.resolve("shard-000.tar");
        Path second = dir.resolve("shard-001.tar");
        tar(folder, first, keys.subList(0, 6));
        tar(folder, second, keys.subList(6, keys.size()));
        return List.of(first, second);
    }

    private static void tar(Path folder, Path shard, List<String> keys) throws IOException {
        try (OutputStream raw = Files.newOutputStream(shard); TarArchiveOutputStream tar = new TarArchiveOutputStream(raw)) {
            int n = 0;
            for (String key : keys) {
                String ext = key.substring(key.lastIndexOf('.'));
                String stem = String.format("%06d", n++);
                add(tar, stem + ext, Files.readAllBytes(folder.resolve(key)));
                add(tar, stem + ".txt", ("caption of " + key).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    private static void add(TarArchiveOutputStream tar, String name, byte[] bytes) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(bytes.length);
        tar.putArchiveEntry(e);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    static void copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
