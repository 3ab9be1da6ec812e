package dev.tagline.video.render;

import dev.tagline.core.TaglineException;
import dev.tagline.core.files.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The files of one rendered clip's folder ({@code VIDEO.clips/talk-003/talk-003.mp4}, …) and their checksums. A render
 * writes {@link #staged()} names first and {@link #commit()}s them over the real ones only when every step worked, so a
 * failed or killed re-render leaves the previous clip (and the {@code clip.json} that describes it) as it was.
 *
 * @param stage empty for the real names; else the temporary mark of a staged set
 */
record ClipFiles(Path dir, String id, String stage) {
    private static final List<String> EXTENSIONS = List.of(".mp4", ".jpg", ".ass", ".srt", ".vtt");

    /** {@code talk.mp4}, rank 3 → {@code talk-003}. */
    static ClipFiles of(Path outDir, Path video, int rank) {
        String name = video.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^\\p{L}\\p{N}._-]+", "-");
        String id = String.format(Locale.ROOT, "%s-%03d", stem, rank);
        return new ClipFiles(outDir.resolve(id), id, "");
    }

    /**
     * The same files under hidden temporary names in the same folder ({@code .talk-003.mp4.tmp-4f2a.mp4}): same file
     * system, so {@link #commit()} is a rename; the extension stays last because FFmpeg picks the format from it;
     * {@link AtomicFiles#isTemporary} recognises them, so scanners skip what a killed render leaves.
     */
    ClipFiles staged() {
        return new ClipFiles(dir, id, ".tmp-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1));
    }

    Path video() {
        return file(".mp4");
    }

    Path thumbnail() {
        return file(".jpg");
    }

    Path ass() {
        return file(".ass");
    }

    Path srt() {
        return file(".srt");
    }

    Path vtt() {
        return file(".vtt");
    }

    private Path file(String ext) {
        return dir.resolve(stage.isEmpty() ? id + ext : "." + id + ext + stage + ext);
    }

    /** The real name of a file of this clip, staged or not: {@code .talk-003.mp4.tmp-4f2a.mp4} → {@code talk-003.mp4}. */
    static String finalName(Path file) {
        String name = file.getFileName().toString();
        int mark = name.indexOf(".tmp-");
        return name.startsWith(".") && mark > 0 ? name.substring(1, mark) : name;
    }

    /** Creates the clip's folder (FFmpeg does not create the folder of its output). */
    ClipFiles create() {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new TaglineException("Cannot create " + dir + ": " + e.getMessage(),
                    "Check that the output folder is writable (--out DIR).", e);
        }
        StagedSets.removeStale(this);
        return this;
    }

    /** The lock a render holds while this staged set is under way ({@link StagedSets}). */
    Path lock() {
        return file(".lock");
    }

    void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new TaglineException("Cannot write " + file + ": " + e.getMessage(),
                    "Check that the output folder is writable (--out DIR).", e);
        }
    }

    /**
     * Renames each staged file that exists over its real name. The caller writes {@code clip.json} after this, so a
     * crash in between leaves a video whose SHA-256 differs from the one recorded, which the publisher refuses.
     */
    void commit() {
        for (String ext : EXTENSIONS) {
            Path from = file(ext);
            if (Files.isRegularFile(from)) {
                Path to = dir.resolve(id + ext);
                try {
                    AtomicFiles.moveIntoPlace(from, to);
                } catch (IOException e) {
                    throw new TaglineException("Cannot move the new " + to.getFileName() + " into place in " + dir
                            + ": " + e.getMessage(), AtomicFiles.hintFor(e, dir), e);
                }
            }
        }
    }

    /** Removes what is left of a staged set (all of it after a failure, nothing after {@link #commit()}). */
    void discard() {
        for (String ext : EXTENSIONS) {
            try {
                Files.deleteIfExists(file(ext));
            } catch (IOException e) {
                org.slf4j.LoggerFactory.getLogger(ClipFiles.class).debug("could not remove {} after a failed render;"
                        + " it is hidden and harmless", file(ext), e);
            }
        }
    }

    /** SHA-256 of each existing file among {@code files}, keyed by its real name inside the folder. */
    Map<String, String> sha256(Path... files) {
        Map<String, String> out = new TreeMap<>();
        for (Path f : files) {
            if (f != null && Files.isRegularFile(f)) {
                out.put(finalName(f), sha256(f));
            }
        }
        return out;
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new TaglineException("Cannot read " + file + " to checksum it: " + e.getMessage(), "", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
