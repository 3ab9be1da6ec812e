package dev.tagline.video.render;

import dev.tagline.core.TaglineException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The files of one rendered clip's folder ({@code VIDEO.clips/talk-003/talk-003.mp4}, …) and their checksums. */
record ClipFiles(Path dir, String id) {
    /** {@code talk.mp4}, rank 3 → {@code talk-003}. */
    static ClipFiles of(Path outDir, Path video, int rank) {
        String name = video.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^\\p{L}\\p{N}._-]+", "-");
        String id = String.format(Locale.ROOT, "%s-%03d", stem, rank);
        return new ClipFiles(outDir.resolve(id), id);
    }

    Path video() {
        return dir.resolve(id + ".mp4");
    }

    Path thumbnail() {
        return dir.resolve(id + ".jpg");
    }

    Path ass() {
        return dir.resolve(id + ".ass");
    }

    Path srt() {
        return dir.resolve(id + ".srt");
    }

    Path vtt() {
        return dir.resolve(id + ".vtt");
    }

    /** Creates the clip's folder (FFmpeg does not create the folder of its output). */
    ClipFiles create() {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new TaglineException("Cannot create " + dir + ": " + e.getMessage(),
                    "Check that the output folder is writable (--out DIR).", e);
        }
        return this;
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

    /** SHA-256 of each existing file among {@code files}, keyed by its name inside the folder. */
    Map<String, String> sha256(Path... files) {
        Map<String, String> out = new TreeMap<>();
        for (Path f : files) {
            if (f != null && Files.isRegularFile(f)) {
                out.put(dir.relativize(f).toString().replace('\\', '/'), sha256(f));
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
