package dev.tagline.core.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.TaglineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesAndReplacesWholeFiles() throws IOException {
        Path target = dir.resolve("a.caption");
        AtomicFiles.writeString(target, "first");
        AtomicFiles.writeString(target, "second, longer ✓");
        assertEquals("second, longer ✓", Files.readString(target));
        assertEquals(1, listing().length, "no temporary file left behind");
    }

    @Test
    void failedWriteLeavesTheOldFileAndNoTemporary() throws IOException {
        Path target = dir.resolve("a.txt");
        AtomicFiles.writeString(target, "old");
        TaglineException e = assertThrows(TaglineException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes());
            throw new IOException("No space left on device");
        }));
        assertTrue(e.getMessage().contains(target.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(1, listing().length);
    }

    /** dogfood J14: a write to a read-only mount said "Check free disk space", which does not fit EROFS. */
    @Test
    void aReadOnlyFileSystemWasBlamedOnDiskSpace_nowTheHintFitsTheCause() {
        Path target = dir.resolve("sky.caption");
        assertEquals(dir + " is on a read-only file system: remount it read-write, or copy the files to a folder you"
                + " can write to.", hintOfFailure(target, new java.nio.file.FileSystemException(target.toString(), null,
                "Read-only file system")));
        assertEquals("Give your user write permission on " + dir + " (or run Tagline as its owner), or copy the files"
                + " to a folder you can write to.", hintOfFailure(target,
                new java.nio.file.AccessDeniedException(target.toString())));
        assertTrue(hintOfFailure(target, new java.nio.file.FileSystemException(target.toString(), null,
                "Operation not permitted")).startsWith("Give your user write permission"), "EPERM (chattr +i)");
        assertEquals("Free disk space on the drive of " + dir + " (or raise your quota), then run again.",
                hintOfFailure(target, new IOException("No space left on device")));
        assertEquals("Check free disk space and write permission on " + dir + ".",
                hintOfFailure(target, new IOException("Input/output error")));
    }

    private static String hintOfFailure(Path target, IOException cause) {
        return assertThrows(TaglineException.class, () -> AtomicFiles.write(target, out -> {
            throw cause;
        })).hint();
    }

    @Test
    void createsMissingFolders() {
        Path target = dir.resolve("x/y/z.txt");
        AtomicFiles.write(target, new byte[] {1, 2, 3});
        assertTrue(Files.exists(target));
    }

    @Test
    void newFilesGetTheUmasksModeNotOwnerOnly() throws IOException {
        Path reference = Files.createFile(dir.resolve("made-by-any-program"));
        Path target = dir.resolve("a.txt");
        AtomicFiles.writeString(target, "tags");
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(reference)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(target)),
                "a sidecar is as readable as any new file: a trainer running as another user must read it");
    }

    @Test
    void aReplacedFileKeepsItsMode() throws IOException {
        Path target = dir.resolve("a.caption");
        AtomicFiles.writeString(target, "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFiles.writeString(target, "new");
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals("new", Files.readString(target));
    }

    @Test
    void privateFilesAreOwnerOnlyEvenOverAReadableOne() throws IOException {
        Path target = dir.resolve("admin.password");
        AtomicFiles.writeString(target, "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
        AtomicFiles.writePrivate(target, "hash");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals("hash", Files.readString(target));
        assertEquals(1, listing().length);
    }

    @Test
    void recognisesItsTemporaryFiles() {
        assertTrue(AtomicFiles.isTemporary(Path.of("/d/.img.caption.tmp-12345")));
        assertFalse(AtomicFiles.isTemporary(Path.of("/d/img.caption")));
        assertFalse(AtomicFiles.isTemporary(Path.of("/d/.hidden")));
    }

    private Path[] listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toArray(Path[]::new);
        }
    }
}
