package dev.tagline.images.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.testkit.SharedData;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dwebp fallback: its PAM parsing, and on libwebp's dual_transform.webp that TwelveMonkeys cannot decode. */
class DwebpFallbackTest {
    @TempDir
    Path dir;

    static byte[] pam(int width, int height, int depth, byte[] samples) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("P7\nWIDTH " + width + "\nHEIGHT " + height + "\nDEPTH " + depth + "\nMAXVAL 255\nTUPLTYPE "
                + (depth == 4 ? "RGB_ALPHA" : "RGB") + "\nENDHDR\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(samples);
        return out.toByteArray();
    }

    @Test
    void pamSamplesBecomeArgbPixels() throws Exception {
        BufferedImage rgba = DwebpFallback.parsePam(pam(2, 1, 4, new byte[] {(byte) 255, 0, 0, (byte) 128, 0, 0,
            (byte) 255, (byte) 255}));
        assertEquals(0x80FF0000, rgba.getRGB(0, 0));
        assertEquals(0xFF0000FF, rgba.getRGB(1, 0));
        BufferedImage rgb = DwebpFallback.parsePam(pam(1, 1, 3, new byte[] {1, 2, 3}));
        assertEquals(0xFF010203, rgb.getRGB(0, 0));
        BufferedImage opaque = DwebpFallback.parsePam(pam(1, 1, 4, new byte[] {1, 2, 3, (byte) 255}));
        assertEquals(BufferedImage.TYPE_INT_RGB, opaque.getType());
        assertEquals(BufferedImage.TYPE_INT_ARGB, rgba.getType());
    }

    @Test
    void aShortOrOddPamIsRefusedNotReadPastItsEnd() {
        assertThrows(Decoder.CorruptException.class, () -> DwebpFallback.parsePam(pam(2, 2, 4, new byte[15])));
        assertThrows(Decoder.CorruptException.class, () -> DwebpFallback.parsePam(pam(1, 1, 2, new byte[2])));
        assertThrows(Decoder.CorruptException.class, () -> DwebpFallback.parsePam("P7\nWIDTH 1\n".getBytes(
                StandardCharsets.US_ASCII)));
    }

    @Test
    void findLooksForAnExecutableOnThePath() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        assertTrue(DwebpFallback.find(bin.toString()).isEmpty());
        Path tool = Files.writeString(bin.resolve("dwebp"), "#!/bin/sh\n");
        tool.toFile().setExecutable(true);
        assertEquals(tool, DwebpFallback.find("/nonexistent:" + bin).orElseThrow());
    }

    @Test
    void theLoaderReadsDualTransformWebpThroughDwebpAndATruncatedCopyStaysCorrupt() throws IOException {
        Path file = SharedData.require("images-odd/libwebp").resolve("dual_transform.webp");
        Assumptions.assumeTrue(DwebpFallback.available(), "dwebp is not installed (apt-get install webp): skipping");
        ImageLoader loader = new ImageLoader(LoadOptions.DEFAULTS.withMinSide(0));
        LoadResult ok = loader.load(file);
        // the file has real transparency, so it is converted (composited on white), which counts as usable
        assertTrue(ok.verdict().usable(), ok.verdict() + " " + ok.detail() + " " + ok.conversions());
        assertEquals(100, ok.width());
        assertEquals(30, ok.height());
        assertTrue(ok.conversions().stream().anyMatch(n -> n.contains("dwebp")), ok.conversions().toString());
        byte[] bytes = Files.readAllBytes(file);
        Path cut = Files.write(dir.resolve("cut.webp"), Arrays.copyOf(bytes, bytes.length - 20));
        LoadResult corrupt = loader.load(cut);
        assertEquals(Verdict.CORRUPT, corrupt.verdict(), corrupt.detail());
    }
}
