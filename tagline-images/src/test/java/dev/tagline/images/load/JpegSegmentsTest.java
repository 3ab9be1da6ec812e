package dev.tagline.images.load;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which JPEGs {@link JpegSegments#plainYcbcr} lets through to the libjpeg-turbo path. */
class JpegSegmentsTest {
    private static final byte[] JFIF = "JFIF\0\1\1\0\0\1\0\1\0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] ADOBE = {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 1};

    /** SOI, the given APPn segments, then a baseline SOF with one component per id, then SOS. */
    private static byte[] jpeg(int[] ids, Object... appMarkersAndPayloads) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        for (int i = 0; i < appMarkersAndPayloads.length; i += 2) {
            segment(out, (Integer) appMarkersAndPayloads[i], (byte[]) appMarkersAndPayloads[i + 1]);
        }
        byte[] sof = new byte[6 + 3 * ids.length];
        sof[0] = 8;
        sof[2] = 16; // height 16
        sof[4] = 16; // width 16
        sof[5] = (byte) ids.length;
        for (int c = 0; c < ids.length; c++) {
            sof[6 + 3 * c] = (byte) ids[c];
            sof[7 + 3 * c] = 0x11;
        }
        segment(out, 0xC0, sof);
        segment(out, 0xDA, new byte[] {1, 1, 0, 0, 63, 0});
        return out.toByteArray();
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
        out.write(0xFF);
        out.write(marker);
        out.write((payload.length + 2) >> 8);
        out.write((payload.length + 2) & 0xff);
        out.writeBytes(payload);
    }

    @Test
    void jfifWithThreeComponentsIsYcbcr() {
        assertTrue(JpegSegments.plainYcbcr(jpeg(new int[] {1, 2, 3}, 0xE0, JFIF)));
        assertTrue(JpegSegments.plainYcbcr(jpeg(new int[] {0, 1, 2}, 0xE0, JFIF)), "JFIF decides whatever the ids");
    }

    @Test
    void withoutJfifOnlyTheIdsOneTwoThreeMeanYcbcr() {
        byte[] exif = "Exif\0\0MM\0*\0\0\0\10\0\0".getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(JpegSegments.plainYcbcr(jpeg(new int[] {1, 2, 3}, 0xE1, exif)));
        assertFalse(JpegSegments.plainYcbcr(jpeg(new int[] {'R', 'G', 'B'})), "cjpeg -rgb");
        assertFalse(JpegSegments.plainYcbcr(jpeg(new int[] {0, 1, 2})), "ids decoders guess at differently");
    }

    @Test
    void anAdobeMarkerOrAnotherComponentCountIsLeftToImageIo() {
        assertFalse(JpegSegments.plainYcbcr(jpeg(new int[] {1, 2, 3}, 0xE0, JFIF, 0xEE, ADOBE)));
        assertFalse(JpegSegments.plainYcbcr(jpeg(new int[] {1}, 0xE0, JFIF)), "grey");
        assertFalse(JpegSegments.plainYcbcr(jpeg(new int[] {1, 2, 3, 4})), "CMYK");
    }

    @Test
    void aFileEndingBeforeItsFrameHeaderIsNotPlain() {
        byte[] whole = jpeg(new int[] {1, 2, 3}, 0xE0, JFIF);
        assertFalse(JpegSegments.plainYcbcr(java.util.Arrays.copyOf(whole, 2 + 4 + JFIF.length + 8)));
        assertFalse(JpegSegments.plainYcbcr(new byte[] {(byte) 0xFF, (byte) 0xD8}));
    }
}
