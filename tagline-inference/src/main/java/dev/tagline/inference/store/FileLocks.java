package dev.tagline.inference.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive locks on a file name, across threads and processes: an OS lock ({@link FileChannel#lock()}) on a
 * {@code .lock} file keeps other processes out. The OS lock belongs to the whole JVM, so a second thread of the same
 * JVM would get {@link java.nio.channels.OverlappingFileLockException}; threads therefore queue on an in-process lock
 * first. That map is the one static mutable state here, because the OS lock it mirrors is per JVM too. Lock files are
 * never deleted: deleting one while another process waits on it would let a third process lock a new file.
 */
final class FileLocks {
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private FileLocks() {
    }

    /** A held lock; closing releases it. */
    interface Held extends AutoCloseable {
        @Override
        void close() throws IOException;
    }

    /** Blocks until this thread holds the lock on {@code lockFile} (created with its folders when missing). */
    static Held acquire(Path lockFile) throws IOException {
        Path key = lockFile.toAbsolutePath().normalize();
        ReentrantLock local = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
        local.lock();
        try {
            Files.createDirectories(key.getParent());
            FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                FileLock lock = channel.lock();
                return () -> {
                    try {
                        lock.release();
                        channel.close();
                    } finally {
                        local.unlock();
                    }
                };
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            local.unlock();
            throw e;
        }
    }
}
