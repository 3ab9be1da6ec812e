package dev.tagline.video.render;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells a render in progress from one that was stopped or killed. A render holds a lock on a hidden lock file of its
 * staged set ({@code .talk-003.lock.tmp-4f2a.lock}) while it runs; a staged set whose lock nobody holds (its render
 * was killed, or a JVM crashed) is left over, and the next render of the clip, or a re-run that passes it over,
 * removes it. It used to wait until such files were 10 minutes old, and a re-run right after a kill kept them beside
 * the new clip for good (dogfood round 8, K2). The lock is the operating system's (released when a process dies); in
 * this JVM the sets under way are known without it.
 */
final class StagedSets {
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    private StagedSets() {
    }

    /** A staged set marked as under way; closing it releases and removes the mark. */
    static final class Held implements AutoCloseable {
        private final Path file;
        private final FileChannel channel;

        private Held(Path file, FileChannel channel) {
            this.file = file;
            this.channel = channel;
        }

        @Override
        public void close() {
            try {
                channel.close(); // releases the lock
                Files.deleteIfExists(file);
            } catch (IOException e) {
                org.slf4j.LoggerFactory.getLogger(StagedSets.class).debug("could not remove the lock {}; the next"
                        + " render removes it", file, e);
            } finally {
                LIVE.remove(file);
            }
        }
    }

    /** Marks {@code staged} as under way, before any of its files is written. */
    static Held hold(ClipFiles staged) {
        Path file = staged.lock();
        LIVE.add(file);
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            channel.lock();
            return new Held(file, channel);
        } catch (IOException e) {
            LIVE.remove(file);
            throw new dev.tagline.core.TaglineException("Cannot write " + file + ": " + e.getMessage(),
                    "Check that the output folder is writable (--out DIR).", e);
        }
    }

    /** Removes {@code clip}'s staged sets that no render holds: what a stopped or killed render left behind. */
    static void removeStale(ClipFiles clip) {
        if (!Files.isDirectory(clip.dir())) {
            return;
        }
        String prefix = "." + clip.id() + ".";
        Map<String, List<Path>> sets = new LinkedHashMap<>();
        try (java.util.stream.Stream<Path> files = Files.list(clip.dir())) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                int mark = name.indexOf(".tmp-");
                if (name.startsWith(prefix) && mark > 0) {
                    int end = name.indexOf('.', mark + 5);
                    String stage = name.substring(mark, end < 0 ? name.length() : end);
                    sets.computeIfAbsent(stage, s -> new java.util.ArrayList<>()).add(f);
                }
            }
            for (Map.Entry<String, List<Path>> set : sets.entrySet()) {
                if (!held(new ClipFiles(clip.dir(), clip.id(), set.getKey()).lock())) {
                    for (Path f : set.getValue()) {
                        Files.deleteIfExists(f);
                    }
                }
            }
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(StagedSets.class).debug("could not clear left-over staged files in {}",
                    clip.dir(), e);
        }
    }

    /** Whether a render holds {@code lock}: in this JVM, or in another process (an OS lock on the file). */
    private static boolean held(Path lock) {
        if (LIVE.contains(lock)) {
            return true;
        }
        if (!Files.exists(lock)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock l = channel.tryLock();
            if (l == null) {
                return true;
            }
            l.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return true; // cannot tell: leave it
        }
    }
}
