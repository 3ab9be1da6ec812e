package dev.tagline.testkit.openai;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Reads the length of a RIFF/WAVE file from its header chunks. */
final class Wav {
    private Wav() {
    }

    /** Seconds of audio, or -1 when {@code file} is not a PCM WAV with fmt and data chunks. */
    static double seconds(byte[] file) {
        if (file.length < 12 || !new String(file, 0, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("RIFF")) {
            return -1;
        }
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int at = 12;
        int byteRate = -1;
        while (at + 8 <= file.length) {
            String id = new String(file, at, 4, java.nio.charset.StandardCharsets.US_ASCII);
            long size = Integer.toUnsignedLong(b.getInt(at + 4));
            if (id.equals("fmt ")) {
                byteRate = b.getInt(at + 8 + 8);
            } else if (id.equals("data") && byteRate > 0) {
                long data = Math.min(size, file.length - at - 8L);
                return (double) data / byteRate;
            }
            at += 8 + (int) size + (int) (size & 1);
        }
        return -1;
    }
}
