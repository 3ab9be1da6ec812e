package dev.tagline.images.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.RgbImage;
import dev.tagline.images.Fixtures;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LZW streams encoded by hand, code by code, so that each rule of GIF89a Appendix F is exercised on its own. */
class GifLzwDecoderTest {
    @TempDir
    Path dir;

    /** Packs codes least significant bit first, each with the width given. */
    private static final class Codes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private long bits;
        private int count;

        Codes put(int code, int width) {
            bits |= (long) code << count;
            count += width;
            while (count >= 8) {
                out.write((int) (bits & 0xff));
                bits >>>= 8;
                count -= 8;
            }
            return this;
        }

        byte[] bytes() {
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            copy.writeBytes(out.toByteArray());
            if (count > 0) {
                copy.write((int) (bits & 0xff));
            }
            return copy.toByteArray();
        }
    }

    private static byte[] pixels(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    void codeWidthGrowsWhenTheTableReachesAPowerOfTwoAndKwKwKIsDecoded() throws Exception {
        // min code size 2: clear 4, end 5, first entry 6; 3-bit codes until entry 7 is defined, then 4-bit.
        byte[] data = new Codes().put(4, 3).put(1, 3).put(1, 3).put(6, 3)
                .put(8, 4) // not yet defined: previous string [1,1] plus its first index
                .put(2, 4).put(9, 4).put(5, 4).bytes();
        assertArrayEquals(pixels(1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 2), GifLzwDecoder.lzw(2, data, 12));
    }

    @Test
    void clearCodeResetsTheTableAndTheWidth() throws Exception {
        byte[] data = new Codes().put(4, 3).put(1, 3).put(2, 3).put(3, 3).put(7, 4) // width 4 after entry 7
                .put(4, 4) // clear, sent at the current width
                .put(3, 3).put(0, 3).put(6, 3).put(5, 3).bytes(); // entry 6 is [3,0] again after the clear
        assertArrayEquals(pixels(1, 2, 3, 2, 3, 3, 0, 3, 0), GifLzwDecoder.lzw(2, data, 9));
    }

    @Test
    void aFullTableStaysAsItIsUntilTheEncoderSendsAClear() throws Exception {
        // Roots only: entry 6 + j is [r(j), r(j+1)], so the expected pixels are known without an encoder.
        Codes codes = new Codes().put(4, 3);
        int roots = 4096 - 6 + 1; // the last root read defines entry 4095
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int n = 0; n < roots; n++) {
            int next = 6 + Math.max(0, n - 1);
            codes.put(n % 4, Math.min(12, 32 - Integer.numberOfLeadingZeros(next)));
            expected.write(n % 4);
        }
        // Deferred clear: the table is full, codes stay 12 bits wide and define nothing.
        codes.put(4095, 12).put(6, 12).put(3, 12);
        expected.write(4089 % 4); // entry 4095 = [r(4089), r(4090)]
        expected.write(4090 % 4);
        expected.write(0);
        expected.write(1);
        expected.write(3);
        codes.put(4, 12).put(2, 3).put(2, 3).put(6, 3).put(5, 3); // after the clear: 3-bit codes, entry 6 = [2,2]
        for (int p : new int[] {2, 2, 2, 2}) {
            expected.write(p);
        }
        byte[] want = expected.toByteArray();
        assertArrayEquals(want, GifLzwDecoder.lzw(2, codes.bytes(), want.length));
    }

    @Test
    void dataThatEndsBeforeTheLastPixelIsCorrupt() {
        byte[] data = new Codes().put(4, 3).put(1, 3).put(1, 3).put(6, 3).put(8, 4).bytes(); // 16 bits, 7 pixels
        Decoder.CorruptException e = assertThrows(Decoder.CorruptException.class,
                () -> GifLzwDecoder.lzw(2, data, 10));
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("7 of 10"), e.getMessage());
        byte[] endEarly = new Codes().put(4, 3).put(1, 3).put(5, 3).bytes();
        assertThrows(Decoder.CorruptException.class, () -> GifLzwDecoder.lzw(2, endEarly, 2));
        assertThrows(Decoder.CorruptException.class, () -> GifLzwDecoder.lzw(2, new byte[0], 1));
    }

    @Test
    void aCodeBeyondTheTableIsCorrupt() {
        byte[] data = new Codes().put(4, 3).put(1, 3).put(7, 3).bytes(); // only entry 6 may come next
        Decoder.CorruptException e = assertThrows(Decoder.CorruptException.class,
                () -> GifLzwDecoder.lzw(2, data, 4));
        assertTrue(e.getMessage().contains("code 7"), e.getMessage());
        byte[] firstIsEntry = new Codes().put(4, 3).put(6, 3).bytes(); // nothing defined yet after a clear
        assertThrows(Decoder.CorruptException.class, () -> GifLzwDecoder.lzw(2, firstIsEntry, 2));
    }

    @Test
    void aColourIndexAboveTheTableOrACodeSizeAboveElevenIsCorrupt() {
        byte[] data = new Codes().put(2048, 12).put(300, 12).put(2049, 12).bytes();
        assertThrows(Decoder.CorruptException.class, () -> GifLzwDecoder.lzw(11, data, 1));
        assertThrows(Decoder.CorruptException.class, () -> GifLzwDecoder.lzw(12, data, 1));
        assertThrows(Decoder.CorruptException.class, () -> GifLzwDecoder.lzw(0, data, 1));
    }

    /** A 4x3 GIF with a 4-colour table, colour 3 transparent, written with 12-bit codes (minimum code size 11). */
    private static byte[] gif(int minCodeSize, boolean interlaced, int[] indices, int width, int height) {
        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        gif.writeBytes("GIF89a".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        gif.writeBytes(new byte[] {(byte) width, 0, (byte) height, 0, (byte) 0x81, 0, 0}); // 4-entry global table
        gif.writeBytes(new byte[] {(byte) 255, 0, 0, 0, (byte) 255, 0, 0, 0, (byte) 255, 9, 9, 9});
        gif.writeBytes(new byte[] {0x21, (byte) 0xF9, 4, 1, 0, 0, 3, 0}); // graphic control: index 3 transparent
        gif.writeBytes(new byte[] {0x2C, 0, 0, 0, 0, (byte) width, 0, (byte) height, 0,
            (byte) (interlaced ? 0x40 : 0), (byte) minCodeSize});
        int clear = 1 << minCodeSize;
        Codes codes = new Codes().put(clear, minCodeSize + 1);
        for (int i = 0; i < indices.length; i++) {
            // a clear before each root keeps the width fixed at minCodeSize + 1 bits
            codes.put(indices[i], minCodeSize + 1).put(clear, minCodeSize + 1);
        }
        byte[] data = codes.put(clear + 1, minCodeSize + 1).bytes();
        for (int i = 0; i < data.length; i += 255) {
            int n = Math.min(255, data.length - i);
            gif.write(n);
            gif.write(data, i, n);
        }
        gif.write(0);
        gif.write(0x3B);
        return gif.toByteArray();
    }

    @Test
    void aGifWithTwelveBitCodesThatTheJdkRefusesLoadsThroughTheFallback() throws IOException {
        // The shape of Pillow's issue_2811.gif (test_lzw_bits): LZW minimum code size 11.
        byte[] bytes = gif(11, false, new int[] {0, 1, 2, 3, 3, 2, 1, 0, 0, 0, 1, 1}, 4, 3);
        assertThrows(IOException.class, () -> ImageIO.read(new ByteArrayInputStream(bytes)),
                "the JDK reader refuses the file (else this test proves nothing)");
        LoadResult r = new ImageLoader(LoadOptions.DEFAULTS.withMinSide(0)).load(Fixtures.write(dir, "b.gif", bytes));
        assertEquals(Verdict.CONVERTED, r.verdict(), r.detail() + " " + r.conversions());
        assertTrue(r.conversions().stream().anyMatch(c -> c.contains("GifLzwDecoder")), r.conversions().toString());
        RgbImage img = r.image();
        assertEquals(0xFF0000, img.rgb(0, 0));
        assertEquals(0x00FF00, img.rgb(1, 0));
        assertEquals(0x0000FF, img.rgb(2, 0));
        assertEquals(0xFFFFFF, img.rgb(3, 0), "transparent index composited on white");
        assertEquals(0x00FF00, img.rgb(3, 2));
    }

    @Test
    void aDamagedTwelveBitGifIsCorruptNotACrash() throws IOException {
        byte[] bytes = gif(11, false, new int[] {0, 1, 2, 3, 3, 2, 1, 0, 0, 0, 1, 1}, 4, 3);
        bytes[bytes.length - 30] = (byte) 0xFF; // a few codes become undefined entries or colours beyond the table
        bytes[bytes.length - 29] = (byte) 0xFF;
        LoadResult r = new ImageLoader(LoadOptions.DEFAULTS.withMinSide(0)).load(Fixtures.write(dir, "d.gif", bytes));
        assertEquals(Verdict.CORRUPT, r.verdict(), r.detail());
    }

    @Test
    void interlacedRowsArePutBackInOrder() throws Exception {
        int[] rows = {0, 8, 4, 2, 6, 1, 3, 5, 7, 9}; // rows of a 1x10 image in interlaced transmission order
        int[] sent = new int[10];
        for (int i = 0; i < 10; i++) {
            sent[i] = rows[i] % 3; // colour of row r is r % 3
        }
        BufferedImage image = GifLzwDecoder.decode(gif(2, true, sent, 1, 10)).image();
        for (int y = 0; y < 10; y++) {
            assertEquals(y % 3, image.getRaster().getSample(0, y, 0), "row " + y);
        }
    }

    @Test
    void agreesWithTheJdkReaderOnAGifItWrote() throws Exception {
        byte[] bytes = Fixtures.encode(Fixtures.picture(97, 61), "gif");
        BufferedImage jdk = ImageIO.read(new ByteArrayInputStream(bytes));
        GifLzwDecoder.Frame own = GifLzwDecoder.decode(bytes);
        assertEquals(1, own.frames());
        for (int y = 0; y < 61; y++) {
            for (int x = 0; x < 97; x++) {
                assertEquals(jdk.getRGB(x, y), own.image().getRGB(x, y), "pixel " + x + "," + y);
            }
        }
        assertEquals(3, GifLzwDecoder.decode(Fixtures.animatedGif(20, 20, 3)).frames());
    }

    /** Damage anywhere in the file: the decoder returns a frame or says the file is corrupt, nothing else. */
    @Test
    void randomDamageIsCorruptOrDecodedNeverACrash() throws IOException {
        java.util.Random random = new java.util.Random(42);
        byte[][] seeds = {gif(11, false, new int[] {0, 1, 2, 3, 3, 2, 1, 0, 0, 0, 1, 1}, 4, 3),
            gif(2, true, new int[] {0, 1, 2, 0, 1, 2, 0, 1, 2, 0}, 1, 10),
            Fixtures.encode(Fixtures.picture(40, 30), "gif")};
        for (int n = 0; n < 3000; n++) {
            byte[] bytes = seeds[n % seeds.length].clone();
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                bytes[13 + random.nextInt(bytes.length - 13)] = (byte) random.nextInt(256);
            }
            if (random.nextInt(4) == 0) {
                bytes = java.util.Arrays.copyOf(bytes, 13 + random.nextInt(bytes.length - 13));
            }
            try {
                GifLzwDecoder.decode(bytes);
            } catch (Decoder.CorruptException expected) {
                assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank());
            }
        }
    }
}
