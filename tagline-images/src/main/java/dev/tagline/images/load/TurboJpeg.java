package dev.tagline.images.load;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fast path for ordinary JPEGs: libjpeg-turbo's TurboJPEG API ({@code libturbojpeg}, the same decoder Pillow
 * bundles), called through JNA, decoding straight to packed R G B bytes. The JDK's own JPEG reader links the IJG
 * libjpeg 6b it bundles (Temurin, Oracle; Debian's build links the system libjpeg-turbo instead) and spends Java time on
 * every file; this path measured 2.7 times faster per 640×480 file on Temurin.
 *
 * <p>It only takes files whose meaning no decoder can disagree on: three-component YCbCr (a JFIF marker, or component
 * ids 1 2 3 without an Adobe marker), no colour profile to convert, and a decode without a single libjpeg warning. Any
 * other file, and every file when the library is not installed or {@code -Dtagline.turbojpeg=off}, returns null and
 * goes the ImageIO way, which classifies warnings (truncation, bad Huffman codes) as it always has. libjpeg-turbo's
 * default is the accurate integer IDCT and fancy upsampling, as in the JDK reader and Pillow. Thread-safe: each call
 * has its own TurboJPEG handle.
 */
final class TurboJpeg {
    private static final Logger LOG = LoggerFactory.getLogger(TurboJpeg.class);
    /** turbojpeg.h: {@code TJPF_RGB} (pixel format) and {@code TJCS_YCbCr} (colour space). */
    private static final int TJPF_RGB = 0;
    private static final int TJCS_YCBCR = 1;
    /** turbojpeg.h: stop at the first warning (the ImageIO path then says what is wrong). */
    private static final int TJFLAG_STOPONWARNING = 8192;
    /** turbojpeg.h (2.1+): refuse progressive files of more than 500 scans, a fuzzing DoS; older versions ignore it. */
    private static final int TJFLAG_LIMITSCANS = 16384;
    /** Output buffers up to this size are kept per thread and reused; larger ones are freed after the call. */
    private static final long KEEP_BYTES = 3L * 12_000_000L;
    /**
     * Where packages put the library outside the system's search path, searched too: Homebrew's {@code jpeg-turbo}
     * (Apple silicon's prefix is not searched by default; the {@code opt} links hold for both prefixes) and
     * libjpeg-turbo's Windows installers.
     */
    private static final java.util.List<String> INSTALL_DIRS = java.util.List.of("/opt/homebrew/lib",
            "/opt/homebrew/opt/jpeg-turbo/lib", "/usr/local/opt/jpeg-turbo/lib", "C:\\libjpeg-turbo64\\bin",
            "C:\\libjpeg-turbo-gcc64\\bin");
    private static final Lib LIB = load();
    private static final ThreadLocal<Memory[]> BUFFERS = ThreadLocal.withInitial(() -> new Memory[2]);

    /** The part of the TurboJPEG 2.x API used here (also exported, deprecated, by 3.x). */
    interface Lib extends Library {
        Pointer tjInitDecompress();

        int tjDecompressHeader3(Pointer handle, Pointer jpeg, NativeLong size, IntByReference width,
                                IntByReference height, IntByReference subsampling, IntByReference colourspace);

        int tjDecompress2(Pointer handle, Pointer jpeg, NativeLong size, Pointer dst, int width, int pitch,
                          int height, int pixelFormat, int flags);

        String tjGetErrorStr2(Pointer handle);

        int tjDestroy(Pointer handle);
    }

    private TurboJpeg() {
    }

    /** True when libturbojpeg was found and is not switched off. */
    static boolean available() {
        return LIB != null;
    }

    private static Lib load() {
        String setting = System.getProperty("tagline.turbojpeg", "on").toLowerCase(Locale.ROOT);
        if (setting.equals("off") || setting.equals("false")) {
            return null;
        }
        try {
            // TurboJPEG 2.0 or later: older versions lack tjGetErrorStr2 and stop-on-warning, and JNA would only
            // find a missing function when it is first called
            for (String dir : INSTALL_DIRS) {
                com.sun.jna.NativeLibrary.addSearchPath("turbojpeg", dir);
            }
            com.sun.jna.NativeLibrary library = com.sun.jna.NativeLibrary.getInstance("turbojpeg");
            for (java.lang.reflect.Method method : Lib.class.getDeclaredMethods()) {
                library.getFunction(method.getName());
            }
            return Native.load("turbojpeg", Lib.class);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            LOG.debug("libturbojpeg not found, JPEGs are decoded by ImageIO: {}", e.getMessage());
            return null;
        }
    }

    /**
     * The first frame of {@code bytes} as packed RGB, or null when the file is not one this path takes (see the class
     * comment) or libturbojpeg is not installed. {@code scratch}, when given, lends the pixel array.
     */
    static BufferedImage decode(byte[] bytes, long maxPixels, Decoder.Scratch scratch)
            throws Decoder.TooLargeException, Decoder.CorruptException {
        if (LIB == null || !JpegSegments.plainYcbcr(bytes)) {
            return null;
        }
        Memory[] buffers = BUFFERS.get();
        Memory src = buffer(buffers, 0, bytes.length);
        Pointer handle = LIB.tjInitDecompress();
        try {
            if (handle == null) {
                return null;
            }
            src.write(0, bytes, 0, bytes.length);
            NativeLong size = new NativeLong(bytes.length);
            IntByReference width = new IntByReference();
            IntByReference height = new IntByReference();
            IntByReference colourspace = new IntByReference();
            if (LIB.tjDecompressHeader3(handle, src, size, width, height, new IntByReference(), colourspace) != 0
                    || colourspace.getValue() != TJCS_YCBCR) {
                return null;
            }
            int w = width.getValue();
            int h = height.getValue();
            Decoder.checkSize(w, h, maxPixels, "");
            long need = 3L * w * h;
            Memory dst = buffer(buffers, 1, need);
            try {
                if (LIB.tjDecompress2(handle, src, size, dst, w, 3 * w, h, TJPF_RGB,
                        TJFLAG_STOPONWARNING | TJFLAG_LIMITSCANS) != 0) {
                    LOG.debug("libturbojpeg left the file to ImageIO: {}", LIB.tjGetErrorStr2(handle));
                    return null;
                }
                BufferedImage image = scratch == null ? RgbConversion.rgbDestination(w, h) : scratch.image(w, h);
                byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
                dst.read(0, pixels, 0, (int) need);
                return image;
            } finally {
                release(buffers, 1);
            }
        } finally {
            if (handle != null) {
                LIB.tjDestroy(handle);
            }
            release(buffers, 0);
        }
    }

    /** Thread buffer {@code i}, grown to at least {@code bytes}. */
    private static Memory buffer(Memory[] buffers, int i, long bytes) {
        Memory m = buffers[i];
        if (m == null || m.size() < bytes) {
            if (m != null) {
                m.close();
            }
            m = new Memory(Math.max(bytes, 1 << 20));
            buffers[i] = m;
        }
        return m;
    }

    /** Frees thread buffer {@code i} when it grew past {@link #KEEP_BYTES}: one huge file must not pin its size. */
    private static void release(Memory[] buffers, int i) {
        if (buffers[i] != null && buffers[i].size() > KEEP_BYTES) {
            buffers[i].close();
            buffers[i] = null;
        }
    }
}
