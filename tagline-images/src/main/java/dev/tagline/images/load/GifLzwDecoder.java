package dev.tagline.images.load;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;

/**
 * Decodes the first frame of a GIF (GIF89a spec §20–§23, Appendix F) when the JDK reader refuses a valid file: it
 * rejects an LZW minimum code size above 8 (Pillow's issue_2811.gif uses 11, legal since the spec only caps codes at 12
 * bits). Used only as the last fallback of {@link Decoder}; the file's block structure was already checked by
 * {@link GifBlocks}. Like the JDK reader it returns the frame itself, not the canvas, as an indexed image with the
 * frame's transparent index. Damaged data (a code not yet in the table, fewer pixels than the frame needs, a pixel
 * outside the colour table) is a {@link Decoder.CorruptException}, never a runtime error. A little over 200 lines:
 * the block walk, the LZW stream and the interlacing are one decoder, and split they would share all their state.
 */
final class GifLzwDecoder {
    private static final int MAX_CODES = 4096; // GIF89a Appendix F: codes are at most 12 bits

    /** The first frame, and the number of frames in the file. */
    record Frame(BufferedImage image, int frames) {
    }

    private GifLzwDecoder() {
    }

    static Frame decode(byte[] b) throws Decoder.CorruptException {
        try {
            return decodeChecked(b);
        } catch (IndexOutOfBoundsException e) {
            throw new Decoder.CorruptException("truncated: the GIF ends inside a block");
        }
    }

    private static Frame decodeChecked(byte[] b) throws Decoder.CorruptException {
        byte[] palette = table(b, 10, 13);
        int i = 13 + palette.length;
        int transparent = -1;
        BufferedImage first = null;
        int frames = 0;
        while (b[i] != 0x3B) {
            if (b[i] == 0x21) {
                if ((b[i + 1] & 0xff) == 0xF9 && first == null && (b[i + 3] & 1) != 0) {
                    transparent = b[i + 6] & 0xff; // graphic control extension: packed fields, delay, index
                }
                i = skipSubBlocks(b, i + 2);
            } else if (b[i] == 0x2C) {
                frames++;
                byte[] local = table(b, i + 9, i + 10);
                if (first == null) {
                    first = frame(b, i, local.length > 0 ? local : palette, transparent);
                }
                i = skipSubBlocks(b, i + 10 + local.length + 1);
            } else {
                throw new Decoder.CorruptException(String.format("invalid block 0x%02X at byte %d", b[i], i));
            }
        }
        if (first == null) {
            throw new Decoder.CorruptException("no image in the file");
        }
        return new Frame(first, frames);
    }

    /** The frame whose image descriptor starts at {@code i}, decoded with {@code colours}. */
    private static BufferedImage frame(byte[] b, int i, byte[] colours, int transparent)
            throws Decoder.CorruptException {
        int width = u16(b, i + 5);
        int height = u16(b, i + 7);
        if (colours.length == 0) {
            throw new Decoder.CorruptException("no colour table for the first frame");
        }
        if (width == 0 || height == 0 || (long) width * height > Integer.MAX_VALUE - 8) {
            throw new Decoder.CorruptException("the first frame is " + width + "x" + height
                    + ", which cannot be decoded");
        }
        int dataStart = i + 10 + ((b[i + 9] & 0x80) == 0 ? 0 : colours.length);
        byte[] indices = lzw(b[dataStart] & 0xff, subBlocks(b, dataStart + 1), width * height);
        if ((b[i + 9] & 0x40) != 0) {
            indices = deinterlace(indices, width, height);
        }
        return indexed(indices, width, height, colours, transparent);
    }

    /**
     * Decodes an LZW stream of {@code pixels} colour indices: variable-width codes packed least significant bit first,
     * a clear code that resets the table, an end code, and a full table (4,096 entries) that stays as it is until the
     * encoder sends a clear code (the "deferred clear"). Data after the last pixel is ignored, as every decoder does.
     */
    static byte[] lzw(int minCodeSize, byte[] data, int pixels) throws Decoder.CorruptException {
        if (minCodeSize < 1 || minCodeSize > 11) {
            throw new Decoder.CorruptException("LZW minimum code size " + minCodeSize + " is outside 1-11");
        }
        int clear = 1 << minCodeSize;
        short[] prefix = new short[MAX_CODES];
        byte[] suffix = new byte[MAX_CODES];
        byte[] firstOf = new byte[MAX_CODES];
        short[] length = new short[MAX_CODES];
        for (int c = 0; c < clear; c++) {
            suffix[c] = (byte) c;
            firstOf[c] = (byte) c;
            length[c] = 1;
        }
        byte[] out = new byte[pixels];
        int written = 0;
        int width = minCodeSize + 1;
        int next = clear + 2;
        int previous = -1;
        long bits = 0;
        int bitCount = 0;
        int pos = 0;
        while (written < pixels) {
            while (bitCount < width && pos < data.length) {
                bits |= (long) (data[pos++] & 0xff) << bitCount;
                bitCount += 8;
            }
            if (bitCount < width) {
                break;
            }
            int code = (int) (bits & ((1 << width) - 1));
            bits >>>= width;
            bitCount -= width;
            if (code == clear) {
                width = minCodeSize + 1;
                next = clear + 2;
                previous = -1;
                continue;
            }
            if (code == clear + 1) {
                break;
            }
            int string;
            if (code < clear && code > 255) {
                throw new Decoder.CorruptException("LZW code " + code + " is colour " + code
                        + ", beyond any colour table (256 entries at most)");
            } else if (code < next) {
                string = code;
            } else if (code == next && previous >= 0) {
                string = previous; // the code being defined: previous string plus its own first index
            } else {
                throw new Decoder.CorruptException("LZW code " + code + " is not in the table (next is " + next
                        + ") after " + written + " of " + pixels + " pixels");
            }
            written = emit(string, prefix, suffix, length, out, written);
            if (code == next && written < pixels) {
                out[written++] = firstOf[previous];
            }
            if (previous >= 0 && next < MAX_CODES) {
                prefix[next] = (short) previous;
                suffix[next] = firstOf[code == next ? previous : code];
                firstOf[next] = firstOf[previous];
                length[next] = (short) (length[previous] + 1);
                next++;
                if (next == 1 << width && width < 12) {
                    width++;
                }
            }
            previous = code;
        }
        if (written < pixels) {
            throw new Decoder.CorruptException("truncated: the LZW data ends after " + written + " of " + pixels
                    + " pixels");
        }
        return out;
    }

    /** Writes the string of {@code code} (walking its prefix chain backwards) from {@code at}; returns the new end. */
    private static int emit(int code, short[] prefix, byte[] suffix, short[] length, byte[] out, int at) {
        int end = at + length[code];
        for (int c = code, p = end - 1; p >= at; c = prefix[c], p--) {
            if (p < out.length) {
                out[p] = suffix[c];
            }
        }
        return Math.min(end, out.length);
    }

    private static byte[] deinterlace(byte[] rows, int width, int height) {
        byte[] out = new byte[rows.length];
        int src = 0;
        int[][] passes = {{0, 8}, {4, 8}, {2, 4}, {1, 2}}; // GIF89a Appendix E: start row, step
        for (int[] pass : passes) {
            for (int y = pass[0]; y < height; y += pass[1]) {
                System.arraycopy(rows, src, out, y * width, width);
                src += width;
            }
        }
        return out;
    }

    private static BufferedImage indexed(byte[] indices, int width, int height, byte[] colours, int transparent)
            throws Decoder.CorruptException {
        int entries = colours.length / 3;
        for (int p = 0; p < indices.length; p++) {
            if ((indices[p] & 0xff) >= entries) {
                throw new Decoder.CorruptException("pixel " + p + " uses colour " + (indices[p] & 0xff)
                        + " of a " + entries + "-colour table");
            }
        }
        IndexColorModel model = new IndexColorModel(8, entries, colours, 0, false,
                transparent < entries ? transparent : -1);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, model);
        byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(indices, 0, target, 0, indices.length);
        return image;
    }

    /** The colour table announced by the packed byte at {@code packedAt}, starting at {@code start}; empty if none. */
    private static byte[] table(byte[] b, int packedAt, int start) {
        int packed = b[packedAt] & 0xff;
        if ((packed & 0x80) == 0) {
            return new byte[0];
        }
        int size = 3 * (1 << ((packed & 7) + 1));
        return java.util.Arrays.copyOfRange(b, start, start + size);
    }

    private static byte[] subBlocks(byte[] b, int i) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (int size = b[i] & 0xff; size != 0; size = b[i] & 0xff) {
            data.write(b, i + 1, size);
            i += 1 + size;
        }
        return data.toByteArray();
    }

    private static int skipSubBlocks(byte[] b, int i) {
        for (int size = b[i] & 0xff; size != 0; size = b[i] & 0xff) {
            i += 1 + size;
        }
        return i + 1;
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
    }
}
