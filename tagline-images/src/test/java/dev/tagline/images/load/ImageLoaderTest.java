package dev.tagline.images.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.RgbImage;
import dev.tagline.core.batch.ItemFailedException;
import dev.tagline.images.Fixtures;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One generated file per verdict and per conversion of issue #3 point 2. */
class ImageLoaderTest {
    @TempDir
    Path dir;

    private final ImageLoader loader = new ImageLoader(LoadOptions.DEFAULTS.withMinSide(0));

    private LoadResult load(String name, byte[] bytes) throws IOException {
        return loader.load(Fixtures.write(dir, name, bytes));
    }

    private static void assertVerdict(Verdict expected, LoadResult r) {
        assertEquals(expected, r.verdict(), r.detail() + " " + r.conversions());
    }

    @Test
    void plainJpegIsOkAndDecodedToRgb() throws IOException {
        LoadResult r = load("a.jpg", Fixtures.jpeg(64, 32));
        assertVerdict(Verdict.OK, r);
        RgbImage img = r.image();
        assertEquals(64, img.width());
        assertEquals(32, img.height());
        assertTrue((img.rgb(2, 2) >> 16 & 0xff) > 200, "left half red");
        assertTrue((img.rgb(60, 2) & 0xff) > 200, "right half blue");
        assertEquals(64, r.sha256().length());
    }

    @Test
    void readingForATaggerSkipsTheHashButNotThePixels() throws IOException {
        Path file = Fixtures.write(dir, "t.jpg", Fixtures.jpeg(64, 32));
        LoadResult hashed = loader.load(file, true);
        LoadResult plain = loader.load(file, true, false);
        assertEquals("", plain.sha256());
        assertEquals(64, hashed.sha256().length());
        org.junit.jupiter.api.Assertions.assertArrayEquals(hashed.image().pixels(), plain.image().pixels());
        org.junit.jupiter.api.Assertions.assertArrayEquals(hashed.image().pixels(), loader.read(file).pixels());
    }

    @Test
    void zeroByteFileIsCorrupt() throws IOException {
        LoadResult r = load("empty.png", new byte[0]);
        assertVerdict(Verdict.CORRUPT, r);
        assertTrue(r.detail().contains("empty"), r.detail());
    }

    @Test
    void htmlSavedAsJpgIsCorruptAndSaysWhatItIs() throws IOException {
        LoadResult r = load("download.jpg",
                "<!DOCTYPE html><html><body>403 Forbidden</body></html>".getBytes(StandardCharsets.UTF_8));
        assertVerdict(Verdict.CORRUPT, r);
        assertTrue(r.detail().contains("HTML"), r.detail());
        assertVerdict(Verdict.CORRUPT, load("notes.png", "just some text\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void pngContentUnderAJpgNameIsConvertedAndSaysSo() throws IOException {
        LoadResult r = load("misnamed.jpg", Fixtures.png(32, 32));
        assertVerdict(Verdict.CONVERTED, r);
        assertTrue(r.conversions().toString().contains("content is PNG"), r.conversions().toString());
    }

    @Test
    void heicContentIsUnsupported() throws IOException {
        byte[] heic = new byte[64];
        System.arraycopy("\0\0\0\u0018ftypheic".getBytes(StandardCharsets.ISO_8859_1), 0, heic, 0, 12);
        LoadResult r = load("phone.jpg", heic);
        assertVerdict(Verdict.UNSUPPORTED, r);
        assertTrue(r.detail().contains("HEIF"), r.detail());
    }

    @Test
    void truncatedJpegIsCorruptThoughTheJdkWouldGreyFillIt() throws IOException {
        LoadResult r = load("cut.jpg", Fixtures.truncate(Fixtures.jpeg(400, 300), 0.6));
        assertVerdict(Verdict.CORRUPT, r);
        assertTrue(r.detail().contains("decoder warning"), r.detail());
        assertNull(r.image());
    }

    @Test
    void truncatedOrDamagedPngIsCorrupt() throws IOException {
        byte[] png = Fixtures.png(200, 100);
        assertVerdict(Verdict.CORRUPT, load("cut.png", Fixtures.truncate(png, 0.5)));
        LoadResult flipped = load("flip.png", Fixtures.flipNearEnd(png, 20));
        assertVerdict(Verdict.CORRUPT, flipped);
        assertTrue(flipped.detail().contains("CRC"), flipped.detail());
    }

    /**
     * macOS writes an Apple-defined {@code iDOT} chunk into every screenshot: ancillary, named like a public chunk but
     * never registered. Decoders skip it (PNG spec §5.4: unknown ancillary chunks are ignored); it is not damage, since
     * the CRC covers the name.
     */
    @Test
    void aMacScreenshotsIdotChunkIsIgnoredNotCorrupt() throws IOException {
        byte[] idot = new byte[28];
        idot[3] = 2; // two halves, as macOS writes them
        LoadResult r = load("Screenshot.png", Fixtures.withChunk(Fixtures.png(40, 30), "iDOT", idot));
        assertVerdict(Verdict.OK, r);
        assertTrue(r.conversions().contains("metadata ignored: unknown chunk iDOT"), r.conversions().toString());
        assertNotNull(r.image());
        LoadResult reserved = load("reserved.png", Fixtures.withChunk(Fixtures.png(40, 30), "iDoT", idot));
        assertVerdict(Verdict.CORRUPT, reserved);
        assertTrue(reserved.detail().contains("reserved bit"), reserved.detail());
    }

    /** A bad CRC on an unknown public-style name: the name may be a critical chunk's, damaged (IDAT → iDAT). */
    @Test
    void anUnknownChunkNameWithABadCrcIsCorrupt() throws IOException {
        byte[] png = Fixtures.withChunk(Fixtures.png(40, 30), "iDOT", new byte[28]);
        png[8 + 12 + 13 + 8 + 28] ^= 0x01; // the first byte of the inserted chunk's CRC
        LoadResult r = load("damaged.png", png);
        assertVerdict(Verdict.CORRUPT, r);
        assertTrue(r.detail().contains("CRC mismatch in chunk 'iDOT'"), r.detail());
    }

    @Test
    void truncatedGifIsCorrupt() throws IOException {
        byte[] gif = Fixtures.encode(Fixtures.picture(100, 100), "gif");
        assertVerdict(Verdict.CORRUPT, load("cut.gif", Fixtures.truncate(gif, 0.7)));
        assertVerdict(Verdict.CORRUPT, load("notrailer.gif", java.util.Arrays.copyOf(gif, gif.length - 1)));
    }

    @Test
    void bombHeaderIsRefusedBeforeDecoding() throws IOException {
        long start = System.nanoTime();
        LoadResult r = load("bomb.png", Fixtures.pngBombHeader(20_000, 20_000));
        assertVerdict(Verdict.TOO_LARGE, r);
        assertTrue(r.detail().contains("400000000 pixels"), r.detail());
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "refused from the header, not by decoding");
    }

    @Test
    void smallImagesAreFlaggedWithMinSide() throws IOException {
        ImageLoader strict = new ImageLoader(LoadOptions.DEFAULTS);
        LoadResult r = strict.load(Fixtures.write(dir, "tiny.png", Fixtures.png(300, 100)));
        assertVerdict(Verdict.TOO_SMALL, r);
        assertTrue(r.detail().contains("300x100"), r.detail());
        assertNotNull(r.image(), "a small image still decodes");
    }

    @Test
    void cmykJpegIsConvertedToRgb() throws IOException {
        LoadResult r = load("cmyk.jpg", Fixtures.cmykJpeg(64, 64));
        assertVerdict(Verdict.CONVERTED, r);
        assertTrue(r.conversions().toString().contains("CMYK"), r.conversions().toString());
        int rgb = r.image().rgb(10, 10);
        assertTrue((rgb >> 16 & 0xff) < 100 && (rgb >> 8 & 0xff) > 150 && (rgb & 0xff) > 150,
                "cyan, got " + Integer.toHexString(rgb));
    }

    @Test
    void sixteenBitPngIsReducedToEightBits() throws IOException {
        LoadResult r = load("deep.png", Fixtures.png16(256, 8));
        assertVerdict(Verdict.CONVERTED, r);
        assertTrue(r.conversions().contains("16-bit reduced to 8-bit"), r.conversions().toString());
        assertEquals(0xFFFFFF, r.image().rgb(255, 0));
        assertEquals(0x000000, r.image().rgb(0, 0));
        assertEquals(0x808080, r.image().rgb(128, 0) & 0xFEFEFE & 0x808080 | 0x808080, "mid grey stays mid grey");
    }

    @Test
    void thirtyTwoBitIntegerGreyIsClippedLikePillowInsteadOfCrashing() throws IOException {
        // pillow/10ct_32bit_128.tiff: 32-bit "I" samples used to divide by zero in the grey conversion.
        java.awt.image.ComponentColorModel cm = new java.awt.image.ComponentColorModel(
                java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_GRAY), new int[] {32}, false, false,
                java.awt.Transparency.OPAQUE, java.awt.image.DataBuffer.TYPE_INT);
        java.awt.image.WritableRaster raster = cm.createCompatibleWritableRaster(4, 1);
        raster.setSamples(0, 0, 4, 1, 0, new int[] {-5, 0, 100, 300});
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(cm, raster, false, null);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageWriter writer = javax.imageio.ImageIO.getImageWritersByFormatName("tiff").next();
        try (javax.imageio.stream.ImageOutputStream ios = javax.imageio.ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(img);
        } finally {
            writer.dispose();
        }
        LoadResult r = load("int32.tiff", out.toByteArray());
        assertVerdict(Verdict.CONVERTED, r);
        assertTrue(r.conversions().contains("32-bit integer samples clipped to 0-255"), r.conversions().toString());
        assertEquals(0x000000, r.image().rgb(0, 0));
        assertEquals(0x646464, r.image().rgb(2, 0));
        assertEquals(0xFFFFFF, r.image().rgb(3, 0));
    }

    @Test
    void paletteWithTransparencyIsCompositedOnTheBackground() throws IOException {
        LoadResult r = load("pal.png", Fixtures.paletteWithTransparency(40, 10));
        assertVerdict(Verdict.CONVERTED, r);
        assertTrue(r.conversions().contains("palette expanded"), r.conversions().toString());
        assertEquals(0xFFFFFF, r.image().rgb(5, 5), "transparent → white by default");
        assertEquals(0x00FF00, r.image().rgb(35, 5));
        ImageLoader black = new ImageLoader(new LoadOptions(LoadOptions.DEFAULT_MAX_PIXELS, 0, 0x000000));
        assertEquals(0x000000, black.load(dir.resolve("pal.png")).image().rgb(5, 5), "--background black");
    }

    @Test
    void exifOrientationSixIsApplied() throws IOException {
        byte[] jpeg = Fixtures.withSegment(Fixtures.jpeg(40, 20), 0xE1, Fixtures.exifOrientation(6));
        LoadResult r = load("phone.jpg", jpeg);
        assertVerdict(Verdict.CONVERTED, r);
        assertTrue(r.conversions().contains("EXIF orientation 6 applied"), r.conversions().toString());
        assertEquals(20, r.width());
        assertEquals(40, r.height());
        assertTrue((r.image().rgb(10, 2) >> 16 & 0xff) > 200, "the red left half is now on top");
        assertTrue((r.image().rgb(10, 37) & 0xff) > 200, "the blue right half is now at the bottom");
    }

    @Test
    void embeddedIccProfileIsConvertedToSrgb() throws IOException {
        BufferedImage grey = new BufferedImage(16, 16, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = grey.createGraphics();
        g.setColor(new Color(128, 128, 128));
        g.fillRect(0, 0, 16, 16);
        g.dispose();
        byte[] jpeg = Fixtures.withSegment(Fixtures.encode(grey, "jpg"), 0xE2, Fixtures.iccSegment(Fixtures.linearRgb()));
        LoadResult r = load("linear.jpg", jpeg);
        assertVerdict(Verdict.CONVERTED, r);
        assertTrue(r.conversions().toString().contains("ICC"), r.conversions().toString());
        int v = r.image().rgb(8, 8) & 0xff;
        assertTrue(v > 170 && v < 205, "linear 0.5 is about 188 in sRGB, got " + v);
    }

    @Test
    void animatedGifUsesTheFirstFrameAndIsFlagged() throws IOException {
        LoadResult r = load("anim.gif", Fixtures.animatedGif(20, 20, 3));
        assertVerdict(Verdict.CONVERTED, r);
        assertTrue(r.conversions().contains("animated: first of 3 frames used"), r.conversions().toString());
    }

    @Test
    void unreadableFileIsAnErrorNotCorrupt() throws IOException {
        Path p = Fixtures.write(dir, "locked.jpg", Fixtures.jpeg(10, 10));
        p.toFile().setReadable(false);
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(p),
                    "running as root: file permissions are not enforced, so unreadable files cannot be made");
            LoadResult r = loader.load(p);
            assertVerdict(Verdict.ERROR, r);
            assertTrue(r.detail().startsWith("permission denied"), r.detail());
            assertTrue(r.bytes() > 0, "the real size, not 0");
        } finally {
            p.toFile().setReadable(true);
        }
    }

    /** dogfood item 21: "cannot read: AccessDeniedException /path", "decoder failed: NegativeArraySizeException -2". */
    @Test
    void rawJavaTextsReachTheUserInWords() {
        assertEquals("permission denied: this user may not read the file (check its permissions, e.g. chmod a+r)",
                ImageLoader.readProblem(new java.nio.file.AccessDeniedException("/data/secret.jpg")));
        assertEquals("cannot read the file: Input/output error", ImageLoader.readProblem(
                new java.nio.file.FileSystemException("/data/a.jpg", null, "Input/output error")));
        assertEquals("negative array size -2", ImageLoader.words(new NegativeArraySizeException("-2")));
        assertEquals("array index out of bounds", ImageLoader.words(new ArrayIndexOutOfBoundsException()));
    }

    @Test
    void readGivesPixelsOrAnItemFailureNamingTheFile() throws IOException {
        Path good = Fixtures.write(dir, "good.png", Fixtures.png(8, 8));
        assertEquals(8, loader.read(good).width());
        Path bad = Fixtures.write(dir, "bad.png", new byte[0]);
        ItemFailedException e = assertThrows(ItemFailedException.class, () -> loader.read(bad));
        assertTrue(e.getMessage().contains("bad.png") && e.getMessage().contains("corrupt"), e.getMessage());
    }

    @Test
    void bmpWithImpossibleHeaderValuesIsCorrupt() throws IOException {
        byte[] bmp = Fixtures.encode(Fixtures.picture(20, 10), "bmp");
        assertVerdict(Verdict.OK, load("good.bmp", bmp));
        byte[] planes = bmp.clone();
        planes[26] = 2;
        LoadResult r = load("planes.bmp", planes);
        assertVerdict(Verdict.CORRUPT, r);
        assertTrue(r.detail().contains("planes"), r.detail());
    }

    /** A 16×16 lossless WebP and a two-frame animated one, made here with cwebp / img2webp (webp 1.2.4). */
    static final String WEBP = "UklGRkoAAABXRUJQVlA4TD4AAAAvD8ADAH8AEIT/cQsT8ff/+U+WAVVk21BBBRVUUEEFFVRQQQUVVFBBBRV8bYeI/ufn"
            + "cTlsFpNBp1EpZBKRAA==";
    static final String ANIMATED_WEBP = "UklGRu4AAABXRUJQVlA4WAoAAAACAAAADwAADwAAQU5JTQYAAAD/////AABBTk1GVgAAAAAAAAAAAA8"
            + "AAA8AAGQAAAJWUDhMPgAAAC8PwAMAfwAQhP9xCxPx9//5T5YBVWTbUEEFFVRQQQUVVFBBBRVUUEEFFXxth4j+5+dxOWwWk0GnUSlkEpEAQU"
            + "5NRmQAAAAAAAAAAAAPAAAPAABkAAAAVlA4TEwAAAAvD8ADAH+gqG0biD/i9nduHP7+H/NPNkBRGB2iCTj7ngBQRbYNFVRQQQUVVFBBBRVUUE"
            + "EFFVRQwdd2iOh/fh6Xw2YxGXQalUImEQkA";

    @Test
    void webpDecodesAndATruncatedWebpIsCorrupt() throws IOException {
        byte[] webp = java.util.Base64.getDecoder().decode(WEBP);
        LoadResult ok = load("small.webp", webp);
        assertVerdict(Verdict.OK, ok);
        assertEquals(16, ok.width());
        LoadResult cut = load("cut.webp", java.util.Arrays.copyOf(webp, webp.length - 10));
        assertVerdict(Verdict.CORRUPT, cut);
        assertTrue(cut.detail().startsWith("truncated"), cut.detail());
    }

    @Test
    void animatedWebpUsesTheFirstFrameAndIsFlagged() throws IOException {
        LoadResult r = load("anim.webp", java.util.Base64.getDecoder().decode(ANIMATED_WEBP));
        assertVerdict(Verdict.CONVERTED, r);
        assertTrue(r.conversions().contains("animated: first of 2 frames used"), r.conversions().toString());
    }

    /**
     * A one-colour lossless WebP whose bitstream is 7 bytes after its signature (like libwebp's
     * one_color_no_palette.webp): TwelveMonkeys 3.14.0 reads 64 bits ahead and hit the end of the file.
     */
    @Test
    void aLosslessWebpShorterThanEightBytesDecodes() throws IOException {
        long bits = 6L | 4L << 14 | 1L << 28; // width-1, height-1, alpha used; version 0
        // then: no transform, no colour cache, no meta prefix codes (3 zero bits); five simple prefix codes, each
        // "simple, one symbol, 1-bit symbol": green 0, red 1, blue 0, alpha 1, distance 0
        int at = 35;
        for (int symbol : new int[] {0, 1, 0, 1, 0}) {
            bits |= (1L | (long) symbol << 3) << at;
            at += 4;
        }
        java.io.ByteArrayOutputStream webp = new java.io.ByteArrayOutputStream();
        webp.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        webp.writeBytes(new byte[] {20, 0, 0, 0});
        webp.writeBytes("WEBPVP8L".getBytes(StandardCharsets.US_ASCII));
        webp.writeBytes(new byte[] {8, 0, 0, 0, 0x2f});
        for (int i = 0; i < 7; i++) {
            webp.write((int) (bits >>> (8 * i)) & 0xff);
        }
        LoadResult r = load("one.webp", webp.toByteArray());
        assertTrue(r.verdict() == Verdict.OK || r.verdict() == Verdict.CONVERTED, r.verdict() + " " + r.detail());
        assertEquals(7, r.width());
        assertEquals(5, r.height());
        assertTrue(r.conversions().stream().anyMatch(c -> c.contains("look-ahead")), r.conversions().toString());
        int corner = r.image().rgb(0, 0);
        assertEquals(corner, r.image().rgb(6, 4), "one colour");
    }
}
