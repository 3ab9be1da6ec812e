package dev.tagline.images.load;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes the first frame of an image with ImageIO (TwelveMonkeys readers where installed) and turns every silent
 * failure into an exception. The JDK JPEG decoder grey-fills a truncated file and only tells an
 * {@link IIOReadWarningListener} (stack.md §2.4), so any warning about the pixel data means corrupt; warnings about
 * metadata only (a bad ICC chunk count, a broken thumbnail) are kept as notes.
 */
final class Decoder {
    /** A decoded first frame, how many frames the file has, and notes on metadata the reader had to ignore. */
    record Decoded(BufferedImage image, int frames, boolean cmyk, List<String> notes) {
    }

    /** The file is damaged; the message says how. */
    static final class CorruptException extends Exception {
        private static final long serialVersionUID = 1L;

        CorruptException(String message) {
            super(message);
        }
    }

    /** The header declares more pixels than allowed; nothing was decoded. */
    static final class TooLargeException extends Exception {
        private static final long serialVersionUID = 1L;

        TooLargeException(String message) {
            super(message);
        }
    }

    /**
     * Warnings about metadata or harmless stream oddities. libjpeg's "extraneous bytes before marker" is junk between
     * segments (the pixels decode in full) and "16 bit DQT" a legal table; TIFF warnings are about tags the reader
     * repaired. Anything else (premature end, bad Huffman code, missing EOI) damages the pixels.
     */
    private static final List<String> METADATA_WARNINGS = List.of("icc", "thumbnail", "app14", "jfxx", "exif",
            "extraneous bytes before marker", "16 bit dqt", "photometricinterpretation", "stripbytecounts",
            "bytecount < required", "old-style jpeg", "alpha not implemented");

    private Decoder() {
    }

    /**
     * Decodes the first frame. With {@code plainJpeg} (a JPEG without a non-sRGB profile) and 3-channel 8-bit data, the
     * decoder writes straight into an RGB-ordered image ({@link RgbConversion#rgbDestination}): about 30% less CPU
     * than the default BGR image, whose bands the JDK reorders pixel by pixel in Java, and no swap afterwards. Such a
     * JPEG goes to {@link TurboJpeg} first, and to ImageIO when that path does not take it.
     */
    static Decoded decode(byte[] bytes, ImageFormat format, long maxPixels, boolean plainJpeg, Scratch scratch)
            throws CorruptException, TooLargeException, IOException {
        if (plainJpeg && format == ImageFormat.JPEG) {
            BufferedImage fast = TurboJpeg.decode(bytes, maxPixels, scratch);
            if (fast != null) {
                return new Decoded(fast, 1, false, List.of());
            }
        }
        return imageIo(bytes, format, maxPixels, plainJpeg, scratch);
    }

    /** {@link #decode} without the {@link TurboJpeg} path: ImageIO's readers and Tagline's fallbacks. */
    static Decoded imageIo(byte[] bytes, ImageFormat format, long maxPixels, boolean plainJpeg, Scratch scratch)
            throws CorruptException, TooLargeException, IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.readerName());
        if (!readers.hasNext()) {
            throw new CorruptException("no " + format.readerName() + " reader installed");
        }
        ImageReader first = readers.next();
        try {
            return decodeWith(first, bytes, format, maxPixels, plainJpeg, scratch);
        } catch (IOException | RuntimeException e) {
            // A second reader for the same format (TwelveMonkeys' and the JDK's TIFF readers) gets one chance: each
            // has files the other cannot read (pillow 10ct_32bit_128.tiff, tiff_wrong_bits_per_sample_2.tiff). The
            // first reader's error is the one reported when both fail.
            while (readers.hasNext()) {
                ImageReader next = readers.next();
                try {
                    Decoded decoded = decodeWith(next, bytes, format, maxPixels, plainJpeg, scratch);
                    List<String> notes = new ArrayList<>(decoded.notes());
                    notes.add(ImageLoader.METADATA_NOTE + ": decoded by " + next.getClass().getSimpleName() + " after "
                            + first.getClass().getSimpleName() + " failed (" + e.getMessage() + ")");
                    return new Decoded(decoded.image(), decoded.frames(), decoded.cmyk(), notes);
                } catch (IOException | RuntimeException | CorruptException other) {
                    e.addSuppressed(other);
                }
            }
            Decoded own = format == ImageFormat.GIF ? gifFallback(bytes, first, e)
                    : format == ImageFormat.WEBP && e instanceof EOFException ? webpLookAhead(bytes, maxPixels, e)
                    : null;
            if (own == null && format == ImageFormat.WEBP) {
                own = dwebpFallback(bytes, first, e);
            }
            if (own != null) {
                return own;
            }
            throw e;
        }
    }

    /**
     * Tagline's own GIF decoder, for valid files the JDK reader refuses (an LZW minimum code size above 8). When it
     * fails too, its reason is added to the reader's error, which is the one reported, and null is returned.
     */
    private static Decoded gifFallback(byte[] bytes, ImageReader first, Exception readerError) {
        try {
            GifLzwDecoder.Frame frame = GifLzwDecoder.decode(bytes);
            String note = ImageLoader.METADATA_NOTE + ": decoded by GifLzwDecoder after "
                    + first.getClass().getSimpleName() + " failed (" + readerError.getMessage() + ")";
            return new Decoded(frame.image(), frame.frames(), false, List.of(note));
        } catch (CorruptException other) {
            readerError.addSuppressed(other);
            return null;
        }
    }

    /**
     * TwelveMonkeys 3.14.0 (and 3.15.0) refills its WebP bit reader 64 bits at a time with {@code readLong}, so a
     * lossless bitstream of fewer than 8 bytes after its signature (libwebp's one_color_no_palette.webp) fails with an
     * {@link EOFException} while reading its header. Retried once with 8 zero bytes after the end of the file: they lie
     * outside the RIFF container, whose every chunk {@link WebpChunks} found complete, so they only feed the
     * look-ahead.
     * Null when the retry fails too (its reason is added to the reader's error).
     */
    private static Decoded webpLookAhead(byte[] bytes, long maxPixels, Exception readerError) {
        try {
            ImageReader reader = ImageIO.getImageReadersByFormatName(ImageFormat.WEBP.readerName()).next();
            Decoded decoded = decodeWith(reader, Arrays.copyOf(bytes, bytes.length + 8), ImageFormat.WEBP, maxPixels,
                    false, null);
            List<String> notes = new ArrayList<>(decoded.notes());
            notes.add(ImageLoader.METADATA_NOTE + ": decoded with 8 bytes of look-ahead padding (TwelveMonkeys reads"
                    + " 64 bits at a time and failed on the short bitstream)");
            return new Decoded(decoded.image(), decoded.frames(), decoded.cmyk(), notes);
        } catch (IOException | RuntimeException | CorruptException | TooLargeException other) {
            readerError.addSuppressed(other);
            return null;
        }
    }

    /**
     * libwebp's {@code dwebp} ({@link DwebpFallback}) for a WebP file TwelveMonkeys cannot decode; null when it is not
     * installed or refuses the file too (its reason is then added to the reader's error, which is the one reported).
     */
    private static Decoded dwebpFallback(byte[] bytes, ImageReader first, Exception readerError)
            throws CorruptException {
        try {
            java.util.Optional<BufferedImage> image = DwebpFallback.decode(bytes);
            if (image.isEmpty()) {
                return null;
            }
            String note = ImageLoader.METADATA_NOTE + ": decoded by libwebp's dwebp after "
                    + first.getClass().getSimpleName() + " failed (" + readerError.getMessage() + ")";
            return new Decoded(image.get(), 1, false, List.of(note));
        } catch (CorruptException other) {
            readerError.addSuppressed(other);
            return null;
        }
    }

    private static Decoded decodeWith(ImageReader reader, byte[] bytes, ImageFormat format, long maxPixels,
            boolean plainJpeg, Scratch scratch) throws CorruptException, TooLargeException, IOException {
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, message) -> warnings.add(message));
        try (ImageInputStream in = new ByteArrayImageInputStream(bytes)) {
            reader.setInput(in, false, false);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            checkSize(width, height, maxPixels, "");
            int frames = countFrames(reader, format, maxPixels);
            boolean cmyk = isCmyk(reader);
            ImageReadParam param = reader.getDefaultReadParam();
            if (plainJpeg && !cmyk && isRgb8(reader)) {
                param.setDestination(scratch == null ? RgbConversion.rgbDestination(width, height)
                        : scratch.image(width, height));
            }
            BufferedImage image = reader.read(0, param);
            List<String> notes = new ArrayList<>();
            for (String warning : warnings) {
                String lower = warning.toLowerCase(Locale.ROOT);
                if (METADATA_WARNINGS.stream().noneMatch(lower::contains)) {
                    throw new CorruptException("decoder warning: " + warning.strip());
                }
                notes.add(ImageLoader.METADATA_NOTE + ": " + warning.strip());
            }
            return new Decoded(image, frames, cmyk, notes);
        } finally {
            reader.dispose();
        }
    }

    static void checkSize(int width, int height, long maxPixels, String frame) throws TooLargeException,
            CorruptException {
        if (width <= 0 || height <= 0) {
            throw new CorruptException("invalid size " + width + "x" + height + frame);
        }
        if ((long) width * height > maxPixels) {
            throw new TooLargeException(width + "x" + height + frame + " is " + (long) width * height
                    + " pixels, more than --max-pixels " + maxPixels);
        }
    }

    /** Frames of an animated GIF or WebP, each checked against the pixel limit; 1 for other formats. */
    private static int countFrames(ImageReader reader, ImageFormat format, long maxPixels)
            throws IOException, TooLargeException, CorruptException {
        if (format != ImageFormat.GIF && format != ImageFormat.WEBP) {
            return 1;
        }
        int frames = reader.getNumImages(true);
        for (int i = 1; i < frames; i++) {
            checkSize(reader.getWidth(i), reader.getHeight(i), maxPixels, " in frame " + (i + 1));
        }
        return Math.max(1, frames);
    }

    /**
     * A reusable RGB destination buffer per thread, for verifying without keeping pixels: decodes then allocate
     * nothing, sparing the garbage collector up to 36 MB per file. The buffer grows to the largest image seen, up to
     * {@link #MAX_PIXELS}; larger images get a buffer of their own.
     */
    static final class Scratch {
        static final long MAX_PIXELS = 12_000_000L;
        private final ThreadLocal<byte[]> buffer = new ThreadLocal<>();

        BufferedImage image(int width, int height) {
            long need = 3L * width * height;
            if (need > 3 * MAX_PIXELS) {
                return RgbConversion.rgbDestination(width, height);
            }
            byte[] data = buffer.get();
            if (data == null || data.length < need) {
                data = new byte[(int) need];
                buffer.set(data);
            }
            return RgbConversion.rgbDestination(width, height, new java.awt.image.DataBufferByte(data, (int) need));
        }
    }

    private static boolean isRgb8(ImageReader reader) {
        try {
            ImageTypeSpecifier raw = reader.getRawImageType(0);
            return raw != null && raw.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_RGB
                    && raw.getNumBands() == 3 && raw.getBitsPerBand(0) == 8 && !raw.getColorModel().hasAlpha();
        } catch (IOException | RuntimeException e) {
            return false; // the default path decodes it, or reports why it cannot
        }
    }

    private static boolean isCmyk(ImageReader reader) {
        try {
            ImageTypeSpecifier raw = reader.getRawImageType(0);
            return raw != null && raw.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_CMYK;
        } catch (IOException | RuntimeException e) {
            return false; // only used for the report; the decode itself will say whether the file is sound
        }
    }
}
