package dev.tagline.images.load;

import dev.tagline.core.RgbImage;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.util.List;

/**
 * Turns whatever a reader returned into plain 8-bit sRGB: colour profiles converted to sRGB, 16-bit reduced, palette
 * expanded, transparency composited on the background colour, grey replicated, and the EXIF orientation applied. Each
 * change that alters the file's meaning is added to {@code notes}. Plain 8-bit BGR (every ordinary JPEG) is swapped
 * to RGB in place, in the decoder's own array; when only verifying ({@code keepPixels} false) that swap, which cannot
 * fail, is skipped and null is returned.
 */
final class RgbConversion {
    private RgbConversion() {
    }

    static RgbImage toRgb(BufferedImage src, int background, int orientation, List<String> notes,
                          boolean keepPixels) {
        ColorModel cm = src.getColorModel();
        ColorSpace cs = cm.getColorSpace();
        int bits = cm.getComponentSize(0);
        if (bits >= 32) {
            notes.add(bits + "-bit integer samples clipped to 0-255");
        } else if (bits > 8) {
            notes.add(bits + "-bit reduced to 8-bit");
        }
        if (cm instanceof IndexColorModel) {
            notes.add("palette expanded");
        }
        if (cm.hasAlpha()) {
            notes.add("transparency composited on #" + String.format("%06X", background & 0xffffff));
        }
        if (orientation != ExifOrientation.NORMAL) {
            notes.add("EXIF orientation " + orientation + " applied");
        }
        byte[] rgb;
        if (cs.getType() == ColorSpace.TYPE_GRAY && !(cm instanceof IndexColorModel)) {
            rgb = fromGray(src, background);
        } else {
            BufferedImage srgb = src;
            if (!cs.isCS_sRGB() && !(cm instanceof IndexColorModel)) {
                notes.add(cs.getType() == ColorSpace.TYPE_CMYK ? "CMYK converted to sRGB" : "ICC profile converted to sRGB");
                srgb = toSrgb(src);
            }
            if (plainRgb(srgb)) {
                if (!keepPixels) {
                    return null;
                }
                byte[] data = ((DataBufferByte) srgb.getRaster().getDataBuffer()).getData();
                int size = 3 * src.getWidth() * src.getHeight();
                rgb = data.length == size ? data : java.util.Arrays.copyOf(data, size);
            } else if (plainBgr(srgb)) {
                if (!keepPixels) {
                    return null;
                }
                rgb = swapInPlace(srgb);
            } else {
                rgb = drawn(srgb, background);
            }
        }
        return Orientation.apply(new RgbImage(src.getWidth(), src.getHeight(), rgb), orientation);
    }

    private static BufferedImage toSrgb(BufferedImage src) {
        ColorModel target = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
                src.getColorModel().hasAlpha(), false,
                src.getColorModel().hasAlpha() ? java.awt.Transparency.TRANSLUCENT : java.awt.Transparency.OPAQUE,
                java.awt.image.DataBuffer.TYPE_BYTE);
        BufferedImage out = new BufferedImage(target,
                target.createCompatibleWritableRaster(src.getWidth(), src.getHeight()), false, null);
        return new ColorConvertOp(null).filter(src, out);
    }

    /** An image whose raster is packed {@code R G B} bytes, so its array can become an {@link RgbImage} as is. */
    static BufferedImage rgbDestination(int width, int height) {
        return rgbDestination(width, height, new DataBufferByte(Math.multiplyExact(3, Math.multiplyExact(width,
                height))));
    }

    /** The same over a given buffer, which may be longer than needed (a reused scratch buffer). */
    static BufferedImage rgbDestination(int width, int height, DataBufferByte buffer) {
        ColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                java.awt.Transparency.OPAQUE, java.awt.image.DataBuffer.TYPE_BYTE);
        java.awt.image.WritableRaster raster = Raster.createInterleavedRaster(buffer, width, height, 3 * width, 3,
                new int[] {0, 1, 2}, null);
        return new BufferedImage(cm, raster, false, null);
    }

    private static boolean plainRgb(BufferedImage img) {
        return img.getType() == BufferedImage.TYPE_CUSTOM && img.getColorModel() instanceof ComponentColorModel
                && img.getColorModel().getColorSpace().isCS_sRGB() && !img.getColorModel().hasAlpha()
                && img.getRaster().getDataBuffer() instanceof DataBufferByte buffer
                && buffer.getData().length >= 3 * img.getWidth() * img.getHeight()
                && img.getRaster().getSampleModel() instanceof PixelInterleavedSampleModel sm
                && sm.getPixelStride() == 3 && sm.getScanlineStride() == 3 * img.getWidth()
                && java.util.Arrays.equals(sm.getBandOffsets(), new int[] {0, 1, 2})
                && img.getRaster().getSampleModelTranslateX() == 0 && img.getRaster().getSampleModelTranslateY() == 0;
    }

    private static boolean plainBgr(BufferedImage img) {
        return img.getType() == BufferedImage.TYPE_3BYTE_BGR
                && img.getRaster().getDataBuffer() instanceof DataBufferByte
                && img.getRaster().getSampleModel() instanceof PixelInterleavedSampleModel sm
                && sm.getPixelStride() == 3 && sm.getScanlineStride() == 3 * img.getWidth()
                && img.getRaster().getSampleModelTranslateX() == 0 && img.getRaster().getSampleModelTranslateY() == 0;
    }

    /** Turns the decoder's BGR array into RGB where it lies: no second 36 MB array for a 12 MP photo. */
    private static byte[] swapInPlace(BufferedImage img) {
        byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        int[] offsets = ((PixelInterleavedSampleModel) img.getRaster().getSampleModel()).getBandOffsets();
        if (px.length != 3 * img.getWidth() * img.getHeight() || offsets[0] != 2 || offsets[1] != 1 || offsets[2] != 0) {
            return fromBgr(img);
        }
        for (int i = 0; i < px.length; i += 3) {
            byte r = px[i + 2];
            px[i + 2] = px[i];
            px[i] = r;
        }
        return px;
    }

    private static byte[] fromBgr(BufferedImage img) {
        byte[] bgr = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        int[] offsets = ((PixelInterleavedSampleModel) img.getRaster().getSampleModel()).getBandOffsets();
        byte[] rgb = new byte[3 * img.getWidth() * img.getHeight()];
        int r = offsets[0];
        int g = offsets[1];
        int b = offsets[2];
        for (int i = 0; i < rgb.length; i += 3) {
            rgb[i] = bgr[i + r];
            rgb[i + 1] = bgr[i + g];
            rgb[i + 2] = bgr[i + b];
        }
        return rgb;
    }

    private static byte[] drawn(BufferedImage src, int background) {
        int w = src.getWidth();
        int h = src.getHeight();
        BufferedImage canvas = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setColor(new Color(background));
            g.fillRect(0, 0, w, h);
            g.drawImage(src, 0, 0, null);
        } finally {
            g.dispose();
        }
        return fromBgr(canvas);
    }

    /** Grey (with or without alpha, any bit depth) read sample by sample: Java2D would treat it as linear grey. */
    private static byte[] fromGray(BufferedImage src, int background) {
        Raster raster = src.getRaster();
        int w = src.getWidth();
        int h = src.getHeight();
        int bits = src.getColorModel().getComponentSize(0);
        // 32-bit integer grey (Pillow mode "I") has no white point: clip to 0..255 as Pillow's I -> L conversion does.
        boolean clip = bits >= 32;
        int max = clip ? 255 : (1 << bits) - 1;
        boolean alpha = raster.getNumBands() > 1;
        int alphaMax = alpha ? (1 << src.getColorModel().getComponentSize(1)) - 1 : 1;
        int[] bg = {background >> 16 & 0xff, background >> 8 & 0xff, background & 0xff};
        byte[] rgb = new byte[3 * w * h];
        int[] grey = new int[w];
        int[] a = new int[w];
        for (int y = 0; y < h; y++) {
            raster.getSamples(0, y, w, 1, 0, grey);
            if (alpha) {
                raster.getSamples(0, y, w, 1, 1, a);
            }
            for (int x = 0, i = 3 * y * w; x < w; x++, i += 3) {
                int v = clip ? Math.max(0, Math.min(255, grey[x])) : (grey[x] * 255 + max / 2) / max;
                for (int c = 0; c < 3; c++) {
                    int out = alpha ? (v * a[x] + bg[c] * (alphaMax - a[x]) + alphaMax / 2) / alphaMax : v;
                    rgb[i + c] = (byte) out;
                }
            }
        }
        return rgb;
    }
}
