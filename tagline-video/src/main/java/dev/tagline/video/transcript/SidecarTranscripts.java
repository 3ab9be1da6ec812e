package dev.tagline.video.transcript;

import dev.tagline.core.TaglineException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds a transcript next to a video: {@code talk.srt}, {@code talk.vtt}, {@code talk.json} and language-tagged
 * variants such as {@code talk.en.vtt} (yt-dlp's naming). A word-timed one (transcript JSON, YouTube's automatic
 * captions) is preferred over plain subtitles; among equals the exact name wins. Tagline's own
 * {@code talk.clips.json} and yt-dlp's {@code talk.info.json} are never taken for transcripts.
 */
public final class SidecarTranscripts {
    private SidecarTranscripts() {
    }

    /** The best transcript beside {@code video}, if any. Throws when a candidate file is broken. */
    public static Optional<Transcript> find(Path video) {
        Path dir = video.toAbsolutePath().getParent();
        String base = stem(video.getFileName().toString());
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, base + ".*")) {
            files.forEach(candidates::add);
        } catch (IOException e) {
            throw new TaglineException("Cannot list " + dir + " to look for subtitles: " + e.getMessage(), "", e);
        }
        candidates.sort((a, b) -> Integer.compare(a.getFileName().toString().length(),
                b.getFileName().toString().length()));
        Transcript plain = null;
        for (Path file : candidates) {
            Optional<Transcript> t = read(file, base);
            if (t.isEmpty() || t.get().isEmpty()) {
                continue;
            }
            if (t.get().wordTimed()) {
                return t;
            }
            plain = plain == null ? t.get() : plain;
        }
        return Optional.ofNullable(plain);
    }

    /** Reads one file by its extension; empty for files that are not transcripts. */
    static Optional<Transcript> read(Path file, String base) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        String middle = name.substring(base.length(), name.lastIndexOf('.'));
        boolean tagged = middle.isEmpty() || middle.matches("\\.[A-Za-z]{2,3}([-_][A-Za-z0-9]+)*|\\.transcript");
        if (!tagged || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            if (lower.endsWith(".srt")) {
                return Optional.of(SrtParser.parse(Files.readString(file, StandardCharsets.UTF_8), name));
            }
            if (lower.endsWith(".vtt")) {
                return Optional.of(VttParser.parse(Files.readString(file, StandardCharsets.UTF_8), name));
            }
            if (lower.endsWith(".json")) {
                return json(file, name);
            }
        } catch (IOException e) {
            throw new TaglineException("Cannot read " + file + ": " + e.getMessage(),
                    "Save subtitles as UTF-8, or move the file away to ignore it.", e);
        }
        return Optional.empty();
    }

    /** A JSON file beside a video may be something else entirely (a project file): skip it with a warning. */
    private static Optional<Transcript> json(Path file, String name) throws IOException {
        try {
            return Optional.of(TranscriptJson.parse(Files.readString(file, StandardCharsets.UTF_8), name));
        } catch (TaglineException e) {
            org.slf4j.LoggerFactory.getLogger(SidecarTranscripts.class).warn("ignoring {}: {}", file, e.oneLine());
            return Optional.empty();
        }
    }

    static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 ? fileName : fileName.substring(0, dot);
    }
}
