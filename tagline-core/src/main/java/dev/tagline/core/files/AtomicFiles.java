package dev.tagline.core.files;

import dev.tagline.core.TaglineException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes that are all or nothing: the content goes to a temporary file beside the target, is flushed to disk, and is
 * renamed over the target in one step. A reader sees the old file or the new one, never half of one; a crash leaves at
 * most a hidden {@code .name.tmp-*} file, which {@link #isTemporary(Path)} recognises.
 *
 * <p>A new file gets the mode any program's new file gets (0666 less the umask: 0644 for most users), and a replaced
 * file keeps its own, so that a trainer running as another user, a container or a NAS share can read the sidecars.
 * {@link Files#createTempFile} would make every output 0600. Secrets go through {@link #writePrivate}.
 */
public final class AtomicFiles {
    private static final String TMP_MARK = ".tmp-";

    private AtomicFiles() {
    }

    /** Content producer for {@link #write(Path, Writer)}. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void writeString(Path target, String content) {
        write(target, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
    }

    public static void write(Path target, byte[] content) {
        write(target, out -> out.write(content));
    }

    /** Writes {@code target} atomically; throws {@link TaglineException} naming the file on failure. */
    public static void write(Path target, Writer writer) {
        write(target, writer, false);
    }

    /** {@link #writeString} for a secret: the file is 0600 (owner only) from its first byte, whatever it was before. */
    public static void writePrivate(Path target, String content) {
        write(target, out -> out.write(content.getBytes(StandardCharsets.UTF_8)), true);
    }

    private static void write(Path target, Writer writer, boolean owner) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = owner ? Files.createTempFile(dir, "." + target.getFileName() + TMP_MARK, "")
                    : createTemporary(dir, target.getFileName().toString());
            if (!owner) {
                keepMode(target, tmp);
            }
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                writer.writeTo(out);
                out.flush();
                channel.force(true);
            }
            moveIntoPlace(tmp, target);
            tmp = null;
        } catch (IOException e) {
            throw new TaglineException("Cannot write " + target + ": " + describe(e), hintFor(e, dir), e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** A new hidden temporary file beside the target, with the umask's mode (not createTempFile's 0600). */
    private static Path createTemporary(Path dir, String name) throws IOException {
        while (true) {
            Path tmp = dir.resolve("." + name + TMP_MARK
                    + Long.toUnsignedString(java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36));
            try {
                return Files.createFile(tmp);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another writer's name: draw again
            }
        }
    }

    /** Gives {@code tmp} the POSIX mode of an existing {@code target}; nothing where there is none to read. */
    private static void keepMode(Path target, Path tmp) throws IOException {
        try {
            Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
        } catch (java.nio.file.NoSuchFileException | UnsupportedOperationException e) {
            // a new file, or a file system without POSIX modes: the temporary file's own mode stands
        }
    }

    /** Renames {@code source} over {@code target} in one step (falls back to replace where the file system cannot). */
    public static void moveIntoPlace(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** True for the temporary files this class creates, so scanners can skip them and cleaners remove them. */
    public static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.contains(TMP_MARK);
    }

    /**
     * What to do about a failed write in {@code dir}, by its cause: a read-only file system (remount or copy), no
     * permission (grant it), a full disk or quota (free space); "check free disk space and write permission" only where
     * the cause is not known.
     */
    public static String hintFor(IOException e, Path dir) {
        String reason = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                : String.valueOf(e.getMessage());
        if (reason.contains("Read-only file system")) {
            return dir + " is on a read-only file system: remount it read-write, or copy the files to a folder you can"
                    + " write to.";
        }
        if (e instanceof java.nio.file.AccessDeniedException || reason.contains("Permission denied")
                || reason.contains("Operation not permitted")) {
            return "Give your user write permission on " + dir + " (or run Tagline as its owner), or copy the files"
                    + " to a folder you can write to.";
        }
        if (reason.contains("No space left") || reason.contains("quota")) {
            return "Free disk space on the drive of " + dir + " (or raise your quota), then run again.";
        }
        return "Check free disk space and write permission on " + dir + ".";
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason(); // "No space left on device", "Read-only file system"
        }
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp == null) {
            return;
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(AtomicFiles.class)
                    .debug("could not remove temporary file {} after a failed write; it is hidden and harmless", tmp, e);
        }
    }
}
