package dev.tagline.inference.store;

import dev.tagline.core.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The hidden {@code .<file>.sha256} beside a cached file, in sha256sum format, so {@code sha256sum -c} works too. */
final class ShaRecord {
    private ShaRecord() {
    }

    static String read(Path record) throws IOException {
        if (!Files.isRegularFile(record)) {
            return null;
        }
        String line = Files.readString(record, StandardCharsets.US_ASCII).strip();
        int space = line.indexOf(' ');
        String sha = space < 0 ? line : line.substring(0, space);
        return Checksums.SHA256_HEX.matcher(sha).matches() ? sha : null;
    }

    static void write(Path record, String sha256, String fileName) {
        AtomicFiles.writeString(record, sha256 + "  " + fileName + "\n");
    }
}
