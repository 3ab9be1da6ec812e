package dev.tagline.images.load;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Strict structural check of a PNG, which the JDK reader does not do (it ignores CRCs and most ordering rules): every
 * chunk's CRC, a valid IHDR first (PNG spec §11.2.2 colour type / bit depth table), PLTE before IDAT for palette
 * images, consecutive IDATs, IEND, no unknown critical chunk, and for APNG the acTL/fcTL/fdAT sequence (APNG spec:
 * sequence numbers start at 0 and have no gaps; fewer fcTL chunks than acTL declares is an error, an invalid
 * num_frames of 0 or over 2^31-1, an acTL after IDAT or a second acTL is ignored, as Pillow does). Ancillary chunk rules are in
 * {@link PngAncillaryRules}. (About 210 lines: the chunk walk and its ordering state belong together.)
 */
final class PngChunks {
    /**
     * {@code problem} is null for a sound file; {@code frames} is 1 for a still image; {@code notes} name damaged
     * ancillary chunks that decoders skip (libpng's default: a bad CRC in an ancillary chunk is a warning).
     */
    record Report(String problem, int frames, java.util.List<String> notes) {
        Report(String problem, int frames) {
            this(problem, frames, java.util.List.of());
        }
    }

    private PngChunks() {
    }

    static Report inspect(byte[] b) {
        Walk w = new Walk();
        int i = 8;
        CRC32 crc = new CRC32();
        java.util.List<String> notes = new java.util.ArrayList<>();
        while (true) {
            if (i + 12 > b.length) {
                return new Report("truncated: ends inside a chunk header, no IEND", 1);
            }
            long length = u32(b, i);
            String type = new String(b, i + 4, 4, StandardCharsets.ISO_8859_1);
            if (length > Integer.MAX_VALUE || i + 12 + length > b.length) {
                return new Report("truncated: chunk " + safe(type) + " at byte " + i + " runs past the end", 1);
            }
            crc.reset();
            crc.update(b, i + 4, 4 + (int) length);
            String problem;
            if (crc.getValue() != u32(b, i + 8 + (int) length)) {
                if (!Character.isLowerCase(type.charAt(0)) || !Character.isLetter(type.charAt(0))) {
                    return new Report("CRC mismatch in critical chunk " + safe(type) + " at byte " + i, 1);
                }
                if (PngAncillaryRules.unknownPublic(type)) {
                    return new Report("CRC mismatch in chunk " + safe(type) + " at byte " + i + ", a name no"
                            + " specification defines: probably a damaged name", 1);
                }
                notes.add("metadata ignored: damaged " + safe(type) + " chunk (CRC mismatch)");
                problem = w.rules.check(type, b, i + 8, (int) length, w.plte, w.idatSeen, w.colourType);
            } else {
                problem = w.chunk(type, b, i + 8, (int) length);
            }
            if (problem != null) {
                return new Report(problem, 1);
            }
            if (type.equals("IEND")) {
                notes.addAll(w.rules.notes());
                return new Report(w.finish(), Math.max(1, w.fctl), notes);
            }
            i += 12 + (int) length;
        }
    }

    /** The raw EXIF (TIFF) bytes of an {@code eXIf} chunk, if there is one. */
    static Optional<byte[]> exif(byte[] b) {
        int i = 8;
        while (i + 12 <= b.length) {
            long length = u32(b, i);
            if (length > b.length - i - 12L) {
                break;
            }
            String type = new String(b, i + 4, 4, StandardCharsets.ISO_8859_1);
            if (type.equals("eXIf")) {
                return Optional.of(java.util.Arrays.copyOfRange(b, i + 8, i + 8 + (int) length));
            }
            if (type.equals("IDAT") || type.equals("IEND")) {
                break;
            }
            i += 12 + (int) length;
        }
        return Optional.empty();
    }

    /** Ordering rules, one chunk at a time. */
    private static final class Walk {
        int index;
        int colourType = -1;
        boolean plte;
        boolean idatSeen;
        boolean idatEnded;
        long declaredFrames = -1;
        int fctl;
        long nextSequence;
        boolean fctlOpen;

        final PngAncillaryRules rules = new PngAncillaryRules();

        String chunk(String type, byte[] b, int data, int length) {
            if (index++ == 0 && !type.equals("IHDR")) {
                return "first chunk is " + safe(type) + ", not IHDR";
            }
            String broken = rules.check(type, b, data, length, plte, idatSeen, colourType);
            if (broken != null) {
                return broken;
            }
            if (idatSeen && !type.equals("IDAT")) {
                idatEnded = true;
            }
            switch (type) {
                case "IHDR" -> {
                    return index != 1 ? "second IHDR" : ihdr(b, data, length);
                }
                case "PLTE" -> {
                    if (idatSeen) {
                        return "PLTE after IDAT";
                    }
                    plte = true;
                }
                case "IDAT" -> {
                    if (idatEnded) {
                        return "IDAT chunks are not consecutive";
                    }
                    if (colourType == 3 && !plte) {
                        return "palette image without PLTE before IDAT";
                    }
                    idatSeen = true;
                    fctlOpen = false;
                }
                case "acTL" -> {
                    if (!idatSeen && declaredFrames < 0 && u32(b, data) > 0 && u32(b, data) <= Integer.MAX_VALUE) {
                        declaredFrames = u32(b, data);
                    }
                }
                case "fcTL", "fdAT" -> {
                    return animation(type, b, data, length);
                }
                case "IEND" -> {
                }
                default -> {
                    if (Character.isUpperCase(type.charAt(0))) {
                        return "unknown critical chunk " + safe(type);
                    }
                }
            }
            return null;
        }

        private String animation(String type, byte[] b, int data, int length) {
            if (declaredFrames < 0) {
                return null; // not an APNG: decoders ignore these ancillary chunks
            }
            long sequence = length >= 4 ? u32(b, data) : -1;
            if (sequence != nextSequence++) {
                return "APNG sequence number " + sequence + " where " + (nextSequence - 1) + " was expected";
            }
            if (type.equals("fcTL")) {
                if (fctlOpen) {
                    return "APNG fcTL repeated without frame data";
                }
                fctl++;
                fctlOpen = true;
            } else if (!fctlOpen && !(idatSeen && fctl > 0)) {
                return "APNG fdAT without a preceding fcTL";
            } else {
                fctlOpen = false;
            }
            return null;
        }

        private String ihdr(byte[] b, int data, int length) {
            if (length != 13) {
                return "IHDR has length " + length + ", not 13";
            }
            long width = u32(b, data);
            long height = u32(b, data + 4);
            int depth = b[data + 8] & 0xff;
            colourType = b[data + 9] & 0xff;
            if (width == 0 || height == 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
                return "invalid size " + width + "x" + height + " in IHDR";
            }
            boolean valid = switch (colourType) {
                case 0 -> depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
                case 3 -> depth == 1 || depth == 2 || depth == 4 || depth == 8;
                case 2, 4, 6 -> depth == 8 || depth == 16;
                default -> false;
            };
            if (!valid) {
                return "invalid colour type " + colourType + " with bit depth " + depth;
            }
            if (b[data + 10] != 0 || b[data + 11] != 0 || (b[data + 12] & 0xff) > 1) {
                return "unknown compression, filter or interlace method in IHDR";
            }
            return null;
        }

        String finish() {
            if (!idatSeen) {
                return "no IDAT chunk (no pixel data)";
            }
            if (declaredFrames > fctl) {
                return "APNG declares " + declaredFrames + " frames but has " + fctl;
            }
            return null;
        }
    }

    private static String safe(String type) {
        return type.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? "'" + type + "'" : "(binary type)";
    }

    private static long u32(byte[] b, int i) {
        return (b[i] & 0xffL) << 24 | (b[i + 1] & 0xffL) << 16 | (b[i + 2] & 0xffL) << 8 | (b[i + 3] & 0xffL);
    }
}
