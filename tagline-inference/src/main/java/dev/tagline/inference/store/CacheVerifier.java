package dev.tagline.inference.store;

import dev.tagline.core.TaglineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Re-hashes cached files against the catalog (else the hash recorded on arrival) and removes those that differ. */
final class CacheVerifier {
    private final CacheLayout layout;

    CacheVerifier(CacheLayout layout) {
        this.layout = layout;
    }

    @SuppressWarnings("try") // the try-with-resources holds a lock (or npm batch) for the block; no body use
    List<FileCheck> verify(ModelEntry entry) {
        List<FileCheck> checks = new ArrayList<>();
        for (ModelFile file : entry.files()) {
            Path path = layout.file(entry.id(), file.name());
            Path record = layout.shaRecord(entry.id(), file.name());
            try (FileLocks.Held lock = FileLocks.acquire(layout.lock(entry.id(), file.name()))) {
                if (!Files.isRegularFile(path)) {
                    checks.add(new FileCheck(entry.id(), file.name(), path, FileCheck.Status.MISSING,
                            file.sha256(), null));
                    continue;
                }
                String expected = file.pinnedSha256().orElse(ShaRecord.read(record));
                String actual = Checksums.sha256(path);
                FileCheck.Status status = expected == null ? FileCheck.Status.UNVERIFIED
                        : expected.equals(actual) ? FileCheck.Status.OK : FileCheck.Status.MISMATCH;
                if (status == FileCheck.Status.MISMATCH) {
                    Files.deleteIfExists(path);
                    Files.deleteIfExists(record);
                }
                checks.add(new FileCheck(entry.id(), file.name(), path, status, expected, actual));
            } catch (IOException e) {
                throw new TaglineException("Cannot verify " + path + ": " + e.getMessage(),
                        "Check that the file is readable.", e);
            }
        }
        return checks;
    }
}
