package dev.tagline.images.load;

import dev.tagline.core.process.ProcessResult;
import dev.tagline.core.process.ProcessRunner;
import dev.tagline.core.process.ProcessSpec;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * libwebp's own decoder, {@code dwebp} (Debian package {@code webp}), as the last chance for a WebP file that
 * TwelveMonkeys cannot decode: its predictor transform fails on libwebp's valid {@code dual_transform.webp} (3.14.0
 * and 3.15.0 alike). The reference decoder is strict (it refuses a truncated or damaged bitstream), so a corrupt file
 * stays corrupt. Used only where {@code dwebp} is on the PATH; elsewhere the TwelveMonkeys error stands.
 */
final class DwebpFallback {
    static final String PROGRAM = "dwebp";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Optional<Path> DWEBP = find(System.getenv("PATH"));

    private DwebpFallback() {
    }

    /** True when {@code dwebp} was found on the PATH. */
    static boolean available() {
        return DWEBP.isPresent();
    }

    /**
     * The first frame of {@code bytes} as {@code dwebp} decodes it (RGBA), or empty when dwebp is not installed.
     *
     * @throws Decoder.CorruptException when dwebp refuses the file; the message is its own
     */
    static Optional<BufferedImage> decode(byte[] bytes) throws Decoder.CorruptException {
        if (DWEBP.isEmpty()) {
            return Optional.empty();
        }
        Path input = null;
        try {
            input = Files.createTempFile("tagline-dwebp-", ".webp");
            Files.write(input, bytes);
            ByteArrayOutputStream pam = new ByteArrayOutputStream();
            ProcessResult result = new ProcessRunner().run(ProcessSpec.of(List.of(DWEBP.get().toString(), "-quiet",
                    input.toString(), "-pam", "-o", "-"), TIMEOUT), in -> in.transferTo(pam));
            if (!result.succeeded()) {
                throw new Decoder.CorruptException("dwebp exited " + result.exitCode() + ": "
                        + ProcessRunner.lastLines(result.stderrTail(), 1).strip());
            }
            return Optional.of(parsePam(pam.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hand a WebP file to dwebp through " + input, e);
        } finally {
            if (input != null) {
                input.toFile().delete();
            }
        }
    }

    /** A PAM image ({@code P7}, 8-bit, depth 3 or 4) as an RGB image, or ARGB when some pixel is not opaque. */
    static BufferedImage parsePam(byte[] pam) throws Decoder.CorruptException {
        int width = -1;
        int height = -1;
        int depth = -1;
        int maxval = -1;
        int pos = 0;
        while (true) {
            int end = indexOf(pam, (byte) '\n', pos);
            if (end < 0) {
                throw new Decoder.CorruptException("dwebp wrote no complete PAM header");
            }
            String line = new String(pam, pos, end - pos, StandardCharsets.US_ASCII).strip();
            pos = end + 1;
            if (line.equals("ENDHDR")) {
                break;
            }
            String[] kv = line.split("\\s+", 2);
            switch (kv[0]) {
                case "WIDTH" -> width = Integer.parseInt(kv[1]);
                case "HEIGHT" -> height = Integer.parseInt(kv[1]);
                case "DEPTH" -> depth = Integer.parseInt(kv[1]);
                case "MAXVAL" -> maxval = Integer.parseInt(kv[1]);
                default -> { } // P7, TUPLTYPE and comments carry nothing the size and depth do not say
            }
        }
        if (width <= 0 || height <= 0 || (depth != 3 && depth != 4) || maxval != 255
                || pam.length - pos < (long) width * height * depth) {
            throw new Decoder.CorruptException("dwebp wrote an unexpected PAM: " + width + "x" + height + ", depth "
                    + depth + ", maxval " + maxval + ", " + (pam.length - pos) + " sample bytes");
        }
        boolean opaque = true;
        for (int i = pos + 3; depth == 4 && opaque && i < pos + width * height * 4; i += 4) {
            opaque = pam[i] == (byte) 0xff;
        }
        // an opaque image stays RGB, so that the loader does not report alpha that is not there
        BufferedImage image = new BufferedImage(width, height, opaque ? BufferedImage.TYPE_INT_RGB
                : BufferedImage.TYPE_INT_ARGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++, pos += depth) {
                int a = depth == 4 ? pam[pos + 3] & 0xff : 0xff;
                row[x] = a << 24 | (pam[pos] & 0xff) << 16 | (pam[pos + 1] & 0xff) << 8 | (pam[pos + 2] & 0xff);
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    static Optional<Path> find(String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, PROGRAM);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
