package dev.tagline.video.signal;

import java.time.Duration;
import java.util.Optional;

/**
 * One small decoded frame shown at {@code time}; {@code index} counts frames of the pass from 0. Fresh per frame, so
 * an analyser may keep it (OCR at a scene cut does).
 *
 * <p>Two forms: packed RGB (3 bytes per pixel, row by row), and planar YUV 4:2:0 as FFmpeg's {@code yuv420p}
 * writes it (the Y plane, then U and V at half width and height; even sizes), which is what the decoding pass reads:
 * half the bytes through the pipe, and FFmpeg spends no CPU on an RGB conversion of every frame. {@link #rgb()}
 * converts a YUV frame on first use (BT.601, limited range: FFmpeg's default, swscale {@code yuv2rgb.c}; chroma
 * upsampled smoothly); analysers that can work on YUV ask for {@link #yuv420()} and convert only what they need.
 * The conversion is kept without locking: a frame belongs to the pass's thread, which calls every analyser.
 */
public final class VideoFrame {
    private final long index;
    private final Duration time;
    private final int width;
    private final int height;
    private final byte[] yuv;
    private byte[] rgb;

    /** A packed RGB frame. */
    public VideoFrame(long index, Duration time, int width, int height, byte[] rgb) {
        this(index, time, width, height, rgb, null);
        if (rgb.length != width * height * 3) {
            throw new IllegalArgumentException("expected " + width * height * 3 + " RGB bytes, got " + rgb.length);
        }
    }

    private VideoFrame(long index, Duration time, int width, int height, byte[] rgb, byte[] yuv) {
        this.index = index;
        this.time = time;
        this.width = width;
        this.height = height;
        this.rgb = rgb;
        this.yuv = yuv;
    }

    /** A planar YUV 4:2:0 frame ({@code yuv420p}: Y, then U, then V). */
    public static VideoFrame yuv420(long index, Duration time, int width, int height, byte[] yuv) {
        if (width % 2 != 0 || height % 2 != 0 || yuv.length != yuvSize(width, height)) {
            throw new IllegalArgumentException("expected even sizes and " + yuvSize(width, height)
                    + " YUV 4:2:0 bytes, got " + width + "x" + height + " and " + yuv.length);
        }
        return new VideoFrame(index, time, width, height, null, yuv);
    }

    /** Bytes of a {@code yuv420p} frame of even {@code width × height}. */
    public static int yuvSize(int width, int height) {
        return width * height * 3 / 2;
    }

    public long index() {
        return index;
    }

    public Duration time() {
        return time;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The planar YUV 4:2:0 bytes when the frame came as YUV. */
    public Optional<byte[]> yuv420() {
        return Optional.ofNullable(yuv);
    }

    /** Packed RGB; converted from YUV on first use (and kept) when the frame came as YUV. */
    public byte[] rgb() {
        if (rgb == null) {
            rgb = toRgb(yuv, width, height);
        }
        return rgb;
    }

    // BT.601 limited range in 16-bit fixed point (swscale yuv2rgb.c, ff_yuv2rgb_coeffs[SWS_CS_ITU601]):
    // 1.164383 * 65536, 1.596027, 0.391762, 0.812968, 2.017232
    private static final int CY = 76309;
    private static final int CRV = 104597;
    private static final int CGU = 25675;
    private static final int CGV = 53279;
    private static final int CBU = 132201;

    /** The packed RGB of one pixel (0xRRGGBB) from its Y and the U, V of its 2×2 block. */
    static int rgbOf(int y, int u, int v) {
        int c = (y - 16) * CY + (1 << 15);
        int d = u - 128;
        int e = v - 128;
        return clip((c + CRV * e) >> 16) << 16 | clip((c - CGU * d - CGV * e) >> 16) << 8 | clip((c + CBU * d) >> 16);
    }

    private static int clip(int x) {
        return x < 0 ? 0 : Math.min(x, 255);
    }

    /**
     * The whole frame to packed RGB, chroma upsampled with the triangle filter (weights 9, 3, 3, 1 / 16 from the
     * four nearest chroma samples, sited at the centre of their 2×2 block, as libjpeg's "fancy upsampling"): nearest
     * chroma leaves colour fringes along thin text that PaddleOCR then misreads ("Install" read as "instarr").
     */
    static byte[] toRgb(byte[] yuv, int width, int height) {
        byte[] out = new byte[width * height * 3];
        int uPlane = width * height;
        int vPlane = uPlane + uPlane / 4;
        int cw = width / 2;
        int ch = height / 2;
        for (int y = 0; y < height; y++) {
            int by = y >> 1;
            int ny = Math.max(0, Math.min(ch - 1, (y & 1) == 0 ? by - 1 : by + 1));
            for (int x = 0, i = y * width, o = i * 3; x < width; x++, i++, o += 3) {
                int bx = x >> 1;
                int nx = Math.max(0, Math.min(cw - 1, (x & 1) == 0 ? bx - 1 : bx + 1));
                int p = rgbOf(yuv[i] & 0xff, upsample(yuv, uPlane, cw, bx, by, nx, ny),
                        upsample(yuv, vPlane, cw, bx, by, nx, ny));
                out[o] = (byte) (p >> 16);
                out[o + 1] = (byte) (p >> 8);
                out[o + 2] = (byte) p;
            }
        }
        return out;
    }

    private static int upsample(byte[] yuv, int plane, int cw, int bx, int by, int nx, int ny) {
        return (9 * (yuv[plane + by * cw + bx] & 0xff) + 3 * (yuv[plane + by * cw + nx] & 0xff)
                + 3 * (yuv[plane + ny * cw + bx] & 0xff) + (yuv[plane + ny * cw + nx] & 0xff) + 8) >> 4;
    }

    @Override
    public String toString() {
        return "VideoFrame[" + index + " at " + time + ", " + width + "x" + height + (yuv != null ? " yuv420p]" : " rgb]");
    }
}
