package dev.tagline.images.load;

import dev.tagline.core.RgbImage;
import dev.tagline.core.batch.ItemFailedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Loads an image the one way Tagline does, for {@code check} and for every tagger and captioner: the whole file is
 * read, hashed, identified by its content, structurally checked, fully decoded and converted to plain sRGB
 * ({@link RgbImage}). Loading is verifying: a file that loads here is a file the models can use. Never throws for a bad
 * image; the {@link LoadResult} says what is wrong. Thread-safe.
 */
public final class ImageLoader {
    /** Larger files cannot be held in one array; no sane training image comes near. */
    static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 16L;
    /** Notes starting so report ignored metadata, not a change to the pixels: they keep the verdict ok. */
    static final String METADATA_NOTE = "metadata ignored";
    /** Decoder errors that mean a valid file using a feature the Java decoders lack (12-bit or lossless JPEG …). */
    private static final Pattern UNSUPPORTED_FEATURE = Pattern.compile(
            "(?i)data precision|unsupported jpeg process|compression (type|value)|bitspersample not supported");

    private final LoadOptions options;
    private final Decoder.Scratch scratch = new Decoder.Scratch();

    public ImageLoader(LoadOptions options) {
        this.options = options;
    }

    public LoadOptions options() {
        return options;
    }

    /** Which decoder reads ordinary JPEGs, for the start of a run's output, with the install hint when it is ImageIO. */
    public static String jpegDecoder() {
        return TurboJpeg.available() ? "libjpeg-turbo (libturbojpeg)"
                : "ImageIO (install libturbojpeg0 for libjpeg-turbo: faster, and Pillow's pixels)";
    }

    /** Loads and keeps the pixels. */
    public LoadResult load(Path file) {
        return load(file, true);
    }

    /** Loads {@code file}; with {@code keepPixels} false the decoded image is dropped as soon as it is verified. */
    public LoadResult load(Path file, boolean keepPixels) {
        return load(file, keepPixels, true);
    }

    /**
     * {@link #load(Path, boolean)}, hashing the bytes only when {@code hash} (the result's SHA-256 is then empty):
     * the taggers and captioners need the pixels, not the duplicate check.
     */
    LoadResult load(Path file, boolean keepPixels, boolean hash) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                return LoadResult.failed(Verdict.TOO_LARGE, "file of " + size + " bytes is too large to load", null,
                        size, "");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return LoadResult.failed(Verdict.ERROR, readProblem(e), null, size(file), "");
        }
        String sha = hash ? sha256(bytes) : "";
        if (bytes.length == 0) {
            return LoadResult.failed(Verdict.CORRUPT, "empty file (0 bytes)", null, 0, sha);
        }
        byte[] head = Arrays.copyOf(bytes, Math.min(bytes.length, 512));
        Optional<ImageFormat> sniffed = ImageFormat.sniff(head);
        if (sniffed.isEmpty()) {
            Optional<String> other = ImageFormat.otherImageFormat(head);
            return other.map(name -> LoadResult.failed(Verdict.UNSUPPORTED, name + " content, which Tagline does not"
                            + " read", null, bytes.length, sha))
                    .orElseGet(() -> LoadResult.failed(Verdict.CORRUPT, ImageFormat.describeContent(head), null,
                            bytes.length, sha));
        }
        return decode(file, bytes, sniffed.get(), sha, keepPixels);
    }

    private LoadResult decode(Path file, byte[] bytes, ImageFormat format, String sha, boolean keepPixels) {
        List<String> notes = new ArrayList<>();
        String ext = extension(file);
        if (ImageFormat.EXTENSIONS.contains(ext) && !format.matchesExtension(ext)) {
            notes.add("content is " + format.readerName().toUpperCase(Locale.ROOT) + " but the name says ." + ext);
        }
        try {
            String problem = structure(format, bytes, notes);
            if (problem != null) {
                return LoadResult.failed(Verdict.CORRUPT, problem, format, bytes.length, sha);
            }
            return convert(bytes, format, sha, keepPixels, notes);
        } catch (Decoder.TooLargeException e) {
            return LoadResult.failed(Verdict.TOO_LARGE, e.getMessage(), format, bytes.length, sha);
        } catch (Decoder.CorruptException e) {
            return LoadResult.failed(Verdict.CORRUPT, e.getMessage(), format, bytes.length, sha);
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage()).strip();
            Verdict verdict = UNSUPPORTED_FEATURE.matcher(message).find() ? Verdict.UNSUPPORTED : Verdict.CORRUPT;
            String why = message.isEmpty() || message.equals("null") ? "the " + format.readerName().toUpperCase(
                    Locale.ROOT) + " decoder gave no reason" : message;
            return LoadResult.failed(verdict, verdict == Verdict.UNSUPPORTED
                    ? "uses a feature no Java decoder reads (" + why + ")"
                    : "the file's image data is invalid (" + why + ")", format, bytes.length, sha);
        } catch (OutOfMemoryError e) {
            return LoadResult.failed(Verdict.ERROR, "not enough memory to decode it", format, bytes.length, sha);
        } catch (RuntimeException | StackOverflowError e) {
            return LoadResult.failed(Verdict.CORRUPT, "the file's image data is invalid (the "
                    + format.readerName().toUpperCase(Locale.ROOT) + " decoder failed on it: " + words(e) + ")", format,
                    bytes.length, sha);
        }
    }

    /**
     * Why a file could not be read, in words: "permission denied" rather than {@code AccessDeniedException /path}
     * (the file is named by the line that shows this).
     */
    static String readProblem(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied: this user may not read the file (check its permissions, e.g. chmod a+r)";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "the file was gone before it could be read (moved or deleted during the run)";
        }
        String reason = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                : e.getMessage();
        return "cannot read the file" + (reason == null || reason.isBlank() ? "" : ": " + reason.strip());
    }

    /** "NegativeArraySizeException: -2" as "negative array size -2": a decoder's bug, said in words. */
    static String words(Throwable e) {
        String name = e.getClass().getSimpleName().replaceFirst("(Exception|Error)$", "");
        String text = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        String message = e.getMessage() == null ? "" : e.getMessage().strip();
        return message.isEmpty() ? text : text + " " + message;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // the size is only for the report; the reason the file failed is already known
        }
    }

    /** Strict structure checks the decoders skip (PNG chunks, GIF blocks, BMP headers, WebP RIFF); problem or null. */
    private String structure(ImageFormat format, byte[] bytes, List<String> notes) throws Decoder.TooLargeException {
        if (format == ImageFormat.BMP) {
            return BmpHeader.inspect(bytes);
        }
        if (format == ImageFormat.WEBP) {
            return WebpChunks.inspect(bytes);
        }
        if (format == ImageFormat.GIF) {
            return GifBlocks.inspect(bytes, options.maxPixels());
        }
        if (format == ImageFormat.PNG) {
            PngChunks.Report png = PngChunks.inspect(bytes);
            notes.addAll(png.notes());
            if (png.frames() > 1) {
                notes.add("animated PNG: first of " + png.frames() + " frames used");
            }
            return png.problem();
        }
        return null;
    }

    private LoadResult convert(byte[] bytes, ImageFormat format, String sha, boolean keepPixels, List<String> notes)
            throws IOException, Decoder.CorruptException, Decoder.TooLargeException {
        boolean foreignProfile = format == ImageFormat.JPEG && JpegSegments.hasNonSrgbProfile(bytes);
        Decoder.Decoded decoded = Decoder.decode(bytes, format, options.maxPixels(),
                format == ImageFormat.JPEG && !foreignProfile, keepPixels ? null : scratch);
        if (decoded.frames() > 1) {
            notes.add("animated: first of " + decoded.frames() + " frames used");
        }
        if (decoded.cmyk()) {
            notes.add("CMYK converted to sRGB");
        } else if (foreignProfile) {
            notes.add("ICC profile converted to sRGB"); // TwelveMonkeys converts while decoding
        }
        notes.addAll(decoded.notes());
        String badIndex = format == ImageFormat.BMP ? BmpHeader.paletteProblem(decoded.image()) : null;
        if (badIndex != null) {
            throw new Decoder.CorruptException(badIndex);
        }
        int orientation = ExifOrientation.find(format, bytes);
        RgbImage rgb = RgbConversion.toRgb(decoded.image(), options.background(), orientation, notes, keepPixels);
        boolean turned = orientation >= 5;
        int width = rgb != null ? rgb.width() : turned ? decoded.image().getHeight() : decoded.image().getWidth();
        int height = rgb != null ? rgb.height() : turned ? decoded.image().getWidth() : decoded.image().getHeight();
        Verdict verdict = notes.stream().allMatch(n -> n.startsWith(METADATA_NOTE)) ? Verdict.OK : Verdict.CONVERTED;
        String detail = "";
        if (Math.min(width, height) < options.minSide()) {
            verdict = Verdict.TOO_SMALL;
            detail = width + "x" + height + " is below --min-side " + options.minSide();
        }
        return new LoadResult(verdict, detail, notes.stream().distinct().toList(), format, width, height,
                bytes.length, sha, keepPixels ? rgb : null);
    }

    /**
     * The pixels of {@code file} for a tagger or captioner; throws {@link ItemFailedException} naming the file and the
     * reason when it cannot be used (too-small images are still returned).
     */
    public RgbImage read(Path file) {
        LoadResult result = load(file, true, false);
        if (result.image() == null) {
            throw new ItemFailedException(file + " is " + result.verdict().label() + ": " + result.detail(),
                    "Run 'tagline check' on the folder to find and set aside such files.", null);
        }
        return result.image();
    }

    static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
