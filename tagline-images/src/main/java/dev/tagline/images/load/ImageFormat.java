package dev.tagline.images.load;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** The formats Tagline decodes, recognised by their magic bytes rather than by the file name. */
public enum ImageFormat {
    JPEG("jpeg", Set.of("jpg", "jpeg")),
    PNG("png", Set.of("png")),
    GIF("gif", Set.of("gif")),
    WEBP("webp", Set.of("webp")),
    BMP("bmp", Set.of("bmp")),
    TIFF("tiff", Set.of("tif", "tiff"));

    /** Every extension {@code check} opens; taggui uses the same list (captioning.md §8.1). */
    public static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "webp", "gif", "bmp", "tif", "tiff");
    /**
     * Files beside images that are not images (sidecars, metadata, latents): never reported as unsupported
     * (captioning.md §8). {@code check}, {@code tag} and the Spark application scan with the same set.
     */
    public static final Set<String> COMPANIONS = Set.of("txt", "caption", "cap", "json", "jsonl", "csv", "npz",
            "toml", "tags", "parquet");

    private final String readerName;
    private final Set<String> extensions;

    ImageFormat(String readerName, Set<String> extensions) {
        this.readerName = readerName;
        this.extensions = extensions;
    }

    /** The ImageIO format name used to find a reader. */
    public String readerName() {
        return readerName;
    }

    public boolean matchesExtension(String ext) {
        return extensions.contains(ext);
    }

    /** The format whose signature starts {@code head}, if any. */
    public static Optional<ImageFormat> sniff(byte[] head) {
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (ascii(head, 0, "GIF87a") || ascii(head, 0, "GIF89a")) {
            return Optional.of(GIF);
        }
        if (ascii(head, 0, "RIFF") && ascii(head, 8, "WEBP")) {
            return Optional.of(WEBP);
        }
        if (ascii(head, 0, "BM")) {
            return Optional.of(BMP);
        }
        if (startsWith(head, 'I', 'I', 42, 0) || startsWith(head, 'M', 'M', 0, 42)
                || startsWith(head, 'I', 'I', 43, 0) || startsWith(head, 'M', 'M', 0, 43)) {
            return Optional.of(TIFF);
        }
        return Optional.empty();
    }

    /** The name of a known image format that Tagline does not read (HEIC, AVIF, PSD …), if {@code head} is one. */
    static Optional<String> otherImageFormat(byte[] head) {
        if (ascii(head, 4, "ftyp")) {
            String brand = new String(head, 8, Math.min(4, Math.max(0, head.length - 8)), StandardCharsets.US_ASCII);
            return Optional.of(brand.startsWith("avif") ? "AVIF" : brand.startsWith("hei") || brand.startsWith("mif")
                    ? "HEIF/HEIC" : "ISO media (" + brand.strip() + ")");
        }
        if (ascii(head, 0, "8BPS")) {
            return Optional.of("Photoshop PSD");
        }
        if (startsWith(head, 0xFF, 0x0A) || ascii(head, 4, "JXL ")) {
            return Optional.of("JPEG XL");
        }
        if (startsWith(head, 0, 0, 1, 0)) {
            return Optional.of("Windows icon");
        }
        return Optional.empty();
    }

    /** A short description of non-image content, for the corrupt verdict. */
    static String describeContent(byte[] head) {
        String text = new String(head, 0, Math.min(head.length, 256), StandardCharsets.ISO_8859_1).stripLeading();
        if (text.startsWith("\u00EF\u00BB\u00BF")) {
            text = text.substring(3).stripLeading();
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html") || lower.contains("<head")) {
            return "HTML page, not an image (a failed download?)";
        }
        if (lower.startsWith("<?xml") || lower.startsWith("<svg")) {
            return lower.contains("<svg") ? "SVG/XML text, not a raster image" : "XML text, not an image";
        }
        if (ascii(head, 0, "%PDF")) {
            return "PDF document, not an image";
        }
        boolean printable = head.length > 0;
        for (int i = 0; i < Math.min(head.length, 256); i++) {
            int b = head[i] & 0xff;
            printable &= b >= 0x20 || b == '\n' || b == '\r' || b == '\t';
        }
        if (printable) {
            return "plain text, not an image";
        }
        return "unknown content, no image signature (starts " + hex(head) + ")";
    }

    private static String hex(byte[] head) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(4, head.length); i++) {
            sb.append(i == 0 ? "" : " ").append(String.format("%02X", head[i] & 0xff));
        }
        return sb.toString();
    }

    private static boolean startsWith(byte[] head, int... bytes) {
        if (head.length < bytes.length) {
            return false;
        }
        return Arrays.equals(Arrays.copyOf(head, bytes.length), toBytes(bytes));
    }

    private static byte[] toBytes(int[] bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = (byte) bytes[i];
        }
        return out;
    }

    private static boolean ascii(byte[] head, int offset, String text) {
        return head.length >= offset + text.length()
                && new String(head, offset, text.length(), StandardCharsets.ISO_8859_1).equals(text);
    }
}
