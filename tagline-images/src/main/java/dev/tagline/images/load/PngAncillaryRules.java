package dev.tagline.images.load;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The PNG specification's rules for ancillary chunks (PNG 3rd edition §5.6 chunk ordering, §11.3 lengths), as
 * pngcheck applies them: which chunks may appear once only, which must precede PLTE or IDAT, fixed lengths, and no
 * reserved-bit chunk. A file breaking them was written by a broken encoder or damaged on the way; lenient decoders show
 * it anyway, so this is what separates strict {@code corrupt} from {@code ok}. Unlike pngcheck, an unknown ancillary
 * chunk named like a public one is only noted: its CRC covers the name, so it is no damage, and decoders skip it
 * (PNG spec §5.4). macOS writes one, {@code iDOT}, into every screenshot. With a bad CRC the name itself may be damaged
 * (a critical chunk's, one bit off), so {@link PngChunks} calls that corrupt.
 */
final class PngAncillaryRules {
    /** iCCP is missing on purpose: image-png and Pillow read files with two (image-png issue #1825). */
    private static final Set<String> ONCE = Set.of("PLTE", "cHRM", "gAMA", "sBIT", "sRGB", "cICP", "bKGD",
            "hIST", "tRNS", "pHYs", "tIME", "sCAL", "oFFs", "pCAL", "sTER", "eXIf", "mDCV", "cLLI");
    private static final Set<String> BEFORE_PLTE = Set.of("cHRM", "gAMA", "iCCP", "sBIT", "sRGB", "cICP", "mDCV",
            "cLLI");
    private static final Set<String> BEFORE_IDAT = Set.of("cHRM", "gAMA", "iCCP", "sBIT", "sRGB", "cICP", "bKGD",
            "hIST", "tRNS", "pHYs", "sPLT", "oFFs", "pCAL", "sCAL", "sTER", "mDCV", "cLLI");
    private static final Set<String> KNOWN_PUBLIC = Set.of("bKGD", "cHRM", "cICP", "dSIG", "eXIf", "gAMA", "hIST",
            "iCCP", "iTXt", "pHYs", "sBIT", "sPLT", "sRGB", "sTER", "tEXt", "tIME", "tRNS", "zTXt", "oFFs", "pCAL",
            "sCAL", "gIFg", "gIFt", "gIFx", "fRAc", "acTL", "fcTL", "fdAT", "mDCV", "cLLI", "caBX");
    private static final Map<String, Integer> LENGTH = Map.of("cHRM", 32, "gAMA", 4, "sRGB", 1, "pHYs", 9,
            "sTER", 1, "tIME", 7, "cICP", 4);

    private final Set<String> seen = new HashSet<>();
    private final List<String> notes = new ArrayList<>();
    private int paletteEntries = -1;

    /** An ancillary chunk named like a public one that no specification defines. */
    static boolean unknownPublic(String type) {
        return Character.isLowerCase(type.charAt(0)) && Character.isUpperCase(type.charAt(1))
                && !KNOWN_PUBLIC.contains(type);
    }

    /** Notes on chunks that decoders skip (each unknown public-style chunk once). */
    List<String> notes() {
        return notes;
    }

    /** Checks one chunk given what came before; returns the problem or null. */
    String check(String type, byte[] b, int data, int length, boolean plteSeen, boolean idatSeen, int colourType) {
        if (!type.chars().allMatch(Character::isLetter)) {
            return "invalid chunk type " + printable(type);
        }
        if (Character.isLowerCase(type.charAt(2))) {
            return "chunk " + type + " has the reserved bit set";
        }
        if (!seen.add(type) && ONCE.contains(type)) {
            return "multiple " + type + " chunks";
        }
        if (type.equals("PLTE")) {
            paletteEntries = length / 3;
        }
        boolean ancillary = Character.isLowerCase(type.charAt(0));
        if (!ancillary) {
            return null;
        }
        if (unknownPublic(type)) {
            String note = ImageLoader.METADATA_NOTE + ": unknown chunk " + type;
            if (!notes.contains(note)) {
                notes.add(note);
            }
        }
        if (plteSeen && BEFORE_PLTE.contains(type)) {
            return type + " after PLTE";
        }
        if (idatSeen && BEFORE_IDAT.contains(type)) {
            return type + " after IDAT";
        }
        if (LENGTH.containsKey(type) && LENGTH.get(type) != length) {
            return "invalid " + type + " length " + length;
        }
        return content(type, b, data, length, colourType);
    }

    private String content(String type, byte[] b, int data, int length, int colourType) {
        switch (type) {
            case "pHYs":
                return (b[data + 8] & 0xff) > 1 ? "invalid pHYs unit " + (b[data + 8] & 0xff) : null;
            case "sTER":
                return (b[data] & 0xff) > 1 ? "invalid sTER layout mode " + (b[data] & 0xff) : null;
            case "tRNS":
                return colourType == 4 || colourType == 6 ? "tRNS in an image that already has alpha" : null;
            case "iCCP":
            case "zTXt":
                return compression(type, b, data, length, 0);
            case "iTXt":
                return compression(type, b, data, length, 1);
            case "hIST":
                return paletteEntries < 0 || length != 2 * paletteEntries
                        ? "hIST has " + length / 2 + " entries for a palette of " + Math.max(0, paletteEntries) : null;
            default:
                return null;
        }
    }

    /** The compression method byte after the keyword (and, for iTXt, the flag) must be 0 (zlib). */
    private static String compression(String type, byte[] b, int data, int length, int skip) {
        int nul = data;
        while (nul < data + length && b[nul] != 0) {
            nul++;
        }
        int at = nul + 1 + skip;
        if (at >= data + length) {
            return type.equals("iTXt") ? null : type + " has no compression method";
        }
        return b[at] != 0 ? "unknown compression method " + (b[at] & 0xff) + " in " + type : null;
    }

    static String printable(String type) {
        return type.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? "'" + type + "'" : "(binary)";
    }
}
