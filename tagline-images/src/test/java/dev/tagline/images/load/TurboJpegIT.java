package dev.tagline.images.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.RgbImage;
import dev.tagline.images.Fixtures;
import dev.tagline.images.SharedData;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The libjpeg-turbo path against libjpeg-turbo's own {@code djpeg} (the decoder Pillow bundles, same defaults: accurate
 * integer IDCT, fancy upsampling): the same pixels for every subsampling, progressive and restart-marker files, and
 * real JPEGs; and every file it does not take left to ImageIO (null), so that verdicts stay ImageIO's.
 */
class TurboJpegIT {
    private static final long MAX = LoadOptions.DEFAULT_MAX_PIXELS;

    @TempDir
    Path dir;

    @BeforeAll
    static void needsLibjpegTurbo() {
        Assumptions.assumeTrue(TurboJpeg.available(), "Skipped: libturbojpeg not found (apt-get install libturbojpeg0"
                + " libjpeg-turbo-progs; brew install jpeg-turbo)");
        Assumptions.assumeTrue(onPath("cjpeg") && onPath("djpeg"), "Skipped: cjpeg/djpeg not found (apt-get install"
                + " libjpeg-turbo-progs)");
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-sample 1x1", "-sample 2x1", "-sample 2x2", "-sample 1x2", "-sample 4x1",
        "-progressive -sample 2x2", "-restart 1 -sample 2x2", "-quality 40 -optimize -sample 2x2"})
    void decodesAsDjpegDoes(String options) throws Exception {
        byte[] jpeg = cjpeg(texture(157, 93), options.split(" "));
        BufferedImage image = TurboJpeg.decode(jpeg, MAX, null);
        assertNotNull(image, options);
        assertEquals(157, image.getWidth());
        assertEquals(93, image.getHeight());
        assertArrayEquals(djpeg(jpeg), pixels(image), options);
    }

    @Test
    void theLoaderUsesItAndStillAppliesTheExifOrientation() throws Exception {
        byte[] plain = cjpeg(texture(40, 24), "-sample", "2x2");
        byte[] turned = Fixtures.withSegment(plain, 0xE1, Fixtures.exifOrientation(6));
        ImageLoader loader = new ImageLoader(LoadOptions.DEFAULTS.withMinSide(0));
        LoadResult r = loader.load(Fixtures.write(dir, "t.jpg", turned));
        assertEquals(Verdict.CONVERTED, r.verdict(), r.conversions().toString());
        RgbImage expected = Orientation.apply(new RgbImage(40, 24, djpeg(plain)), 6);
        assertEquals(24, r.image().width());
        assertArrayEquals(expected.pixels(), r.image().pixels());
    }

    @Test
    void aTruncatedFileIsLeftToImageIoWhichCallsItCorrupt() throws Exception {
        byte[] jpeg = Fixtures.truncate(cjpeg(texture(200, 120), "-sample", "2x2"), 0.6);
        assertNull(TurboJpeg.decode(jpeg, MAX, null));
        LoadResult r = new ImageLoader(LoadOptions.DEFAULTS).load(Fixtures.write(dir, "cut.jpg", jpeg));
        assertEquals(Verdict.CORRUPT, r.verdict());
        assertTrue(r.detail().startsWith("decoder warning: ") && r.detail().toLowerCase(java.util.Locale.ROOT)
                .matches(".*(premature end|truncated).*"), r.detail());
    }

    @Test
    void greyRgbAndCmykFilesAreLeftToImageIo() throws Exception {
        byte[] texture = texture(64, 48);
        assertNull(TurboJpeg.decode(cjpeg(texture, "-grayscale"), MAX, null), "grey");
        assertNull(TurboJpeg.decode(cjpeg(texture, "-rgb"), MAX, null), "RGB components");
        assertNull(TurboJpeg.decode(Fixtures.cmykJpeg(32, 32), MAX, null), "CMYK");
    }

    @Test
    void theFrameSizeIsCheckedBeforeDecoding() throws Exception {
        byte[] jpeg = cjpeg(texture(300, 200), "-sample", "2x2");
        Decoder.TooLargeException e = assertThrows(Decoder.TooLargeException.class,
                () -> TurboJpeg.decode(jpeg, 300 * 200 - 1, null));
        assertEquals("300x200 is 60000 pixels, more than --max-pixels 59999", e.getMessage());
    }

    @Test
    void realJpegsDecodeAsDjpegDoesOrGoToImageIo() throws Exception {
        Optional<Path> odd = SharedData.folder("images-odd");
        Assumptions.assumeTrue(odd.isPresent(), SharedData.MISSING);
        List<Path> files = new ArrayList<>();
        for (Path folder : List.of(odd.get(), odd.get().resolveSibling("photos"))) {
            try (Stream<Path> all = Files.walk(folder)) {
                all.filter(p -> p.toString().toLowerCase(java.util.Locale.ROOT).matches(".*\\.jpe?g")).sorted()
                        .forEach(files::add);
            }
        }
        int taken = 0;
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            BufferedImage image;
            try {
                image = TurboJpeg.decode(bytes, MAX, null);
            } catch (Decoder.TooLargeException e) {
                continue; // decompression bombs: refused by size, as on the ImageIO path
            }
            if (image != null) {
                taken++;
                assertArrayEquals(djpeg(bytes), pixels(image), file.toString());
            }
        }
        assertTrue(taken >= 20, "only " + taken + " of " + files.size() + " real JPEGs took the fast path");
    }

    /** A noisy colour texture as a binary PPM: every chroma block differs, so upsampling errors show. */
    private static byte[] texture(int w, int h) {
        Random random = new Random(w * 31L + h);
        byte[] header = ("P6\n" + w + " " + h + "\n255\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] ppm = Arrays.copyOf(header, header.length + 3 * w * h);
        for (int y = 0, i = header.length; y < h; y++) {
            for (int x = 0; x < w; x++, i += 3) {
                ppm[i] = (byte) (x * 255 / w + random.nextInt(40));
                ppm[i + 1] = (byte) (y * 255 / h + random.nextInt(40));
                ppm[i + 2] = (byte) ((x + y) % 64 * 4 + random.nextInt(40));
            }
        }
        return ppm;
    }

    private byte[] cjpeg(byte[] ppm, String... options) throws Exception {
        Path in = Files.write(dir.resolve("in.ppm"), ppm);
        Path out = dir.resolve("out.jpg");
        List<String> command = new ArrayList<>(List.of("cjpeg"));
        command.addAll(List.of(options));
        command.addAll(List.of("-outfile", out.toString(), in.toString()));
        run(command);
        return Files.readAllBytes(out);
    }

    /** djpeg's RGB pixels of {@code jpeg}. */
    private byte[] djpeg(byte[] jpeg) throws Exception {
        Path in = Files.write(dir.resolve("d.jpg"), jpeg);
        Path out = dir.resolve("d.ppm");
        run(List.of("djpeg", "-ppm", "-outfile", out.toString(), in.toString()));
        byte[] ppm = Files.readAllBytes(out);
        int fields = 0;
        int i = 0;
        while (fields < 4) { // P6, width, height, maxval, each ended by one whitespace byte
            while (Character.isWhitespace(ppm[i])) {
                i++;
            }
            while (!Character.isWhitespace(ppm[i])) {
                i++;
            }
            fields++;
        }
        return Arrays.copyOfRange(ppm, i + 1, ppm.length);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), command + ": " + output);
    }

    private static byte[] pixels(BufferedImage image) {
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        return Arrays.copyOf(data, 3 * image.getWidth() * image.getHeight());
    }
}
