package dev.tagline.images;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageOutputStream;

/** Test images made in Java (ImageIO writers and hand-built bytes), so tests need no external tool. */
public final class Fixtures {
    private Fixtures() {
    }

    /** A {@code w×h} RGB picture: left half red, right half blue, with some texture. */
    public static BufferedImage picture(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, w / 2, h);
        g.setColor(Color.BLUE);
        g.fillRect(w / 2, 0, w - w / 2, h);
        g.dispose();
        return img;
    }

    public static byte[] encode(BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(img, format, out)) {
            throw new IOException("no " + format + " writer for " + img);
        }
        return out.toByteArray();
    }

    public static byte[] jpeg(int w, int h) throws IOException {
        return encode(picture(w, h), "jpg");
    }

    public static byte[] png(int w, int h) throws IOException {
        return encode(picture(w, h), "png");
    }

    public static Path write(Path dir, String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        return p;
    }

    /** Inserts a JPEG marker segment right after SOI. */
    public static byte[] withSegment(byte[] jpeg, int marker, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(jpeg.length + 4 + payload.length);
        b.put(jpeg, 0, 2).put((byte) 0xFF).put((byte) marker).putShort((short) (payload.length + 2)).put(payload);
        b.put(jpeg, 2, jpeg.length - 2);
        return b.array();
    }

    /** A big-endian EXIF APP1 payload holding only the orientation tag. */
    public static byte[] exifOrientation(int orientation) {
        ByteBuffer b = ByteBuffer.allocate(6 + 8 + 2 + 12 + 4);
        b.put("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        b.putShort((short) 1).putShort((short) 0x0112).putShort((short) 3).putInt(1)
                .putShort((short) orientation).putShort((short) 0);
        b.putInt(0);
        return b.array();
    }

    /** An APP2 ICC_PROFILE payload (one chunk) for {@code profile}. */
    public static byte[] iccSegment(ICC_Profile profile) {
        byte[] data = profile.getData();
        ByteBuffer b = ByteBuffer.allocate(14 + data.length);
        b.put("ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1)).put((byte) 1).put((byte) 1).put(data);
        return b.array();
    }

    public static ICC_Profile linearRgb() {
        return ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB);
    }

    /**
     * A CMYK JPEG written from a raw 4-band raster with an Adobe APP14 marker (transform 0 = CMYK), stored inverted
     * as Photoshop does: cyan everywhere.
     */
    public static byte[] cmykJpeg(int w, int h) throws IOException {
        WritableRaster raster = Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_BYTE, w, h, 4, null);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                raster.setPixel(x, y, new int[] {0, 255, 255, 255});
            }
        }
        ImageWriter writer = jdkJpegWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(raster, null, null), writer.getDefaultWriteParam());
        } finally {
            writer.dispose();
        }
        byte[] adobe = {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        return withSegment(out.toByteArray(), 0xEE, adobe);
    }

    private static ImageWriter jdkJpegWriter() {
        var it = ImageIO.getImageWritersByFormatName("jpeg");
        while (it.hasNext()) {
            ImageWriter w = it.next();
            if (w.canWriteRasters()) {
                return w;
            }
        }
        throw new IllegalStateException("no JPEG writer that takes rasters");
    }

    /** A 16-bit greyscale PNG with a horizontal ramp. */
    public static byte[] png16(int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.getRaster().setSample(x, y, 0, x * 65535 / Math.max(1, w - 1));
            }
        }
        return encode(img, "png");
    }

    /** A palette PNG whose index 0 is fully transparent (tRNS); the left half uses it, the right half is green. */
    public static byte[] paletteWithTransparency(int w, int h) throws IOException {
        byte[] r = {0, 0};
        byte[] g = {0, (byte) 255};
        byte[] b = {0, 0};
        IndexColorModel cm = new IndexColorModel(1, 2, r, g, b, 0);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY, cm);
        for (int y = 0; y < h; y++) {
            for (int x = w / 2; x < w; x++) {
                img.getRaster().setSample(x, y, 0, 1);
            }
        }
        return encode(img, "png");
    }

    /** An animated GIF of {@code frames} frames. */
    public static byte[] animatedGif(int w, int h, int frames) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < frames; i++) {
                BufferedImage frame = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED);
                ImageWriteParam param = writer.getDefaultWriteParam();
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame),
                        param);
                writer.writeToSequence(new IIOImage(frame, null, meta), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** A PNG whose IHDR declares {@code w×h} but holds only a token IDAT: a decompression bomb header. */
    public static byte[] pngBombHeader(int w, int h) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 2).put((byte) 0)
                .put((byte) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** {@code png} with a chunk of {@code type} (correct CRC) inserted right after IHDR. */
    public static byte[] withChunk(byte[] png, String type, byte[] data) {
        int afterIhdr = 8 + 12 + 13;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterIhdr);
        chunk(out, type, data);
        out.write(png, afterIhdr, png.length - afterIhdr);
        return out.toByteArray();
    }

    static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        CRC32 crc = new CRC32();
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    public static byte[] truncate(byte[] bytes, double fraction) {
        return Arrays.copyOf(bytes, (int) (bytes.length * fraction));
    }

    /** Flips one byte at {@code offset} from the end. */
    public static byte[] flipNearEnd(byte[] bytes, int offset) {
        byte[] copy = bytes.clone();
        copy[copy.length - offset] ^= 0x5A;
        return copy;
    }
}
