package dev.tagline.core.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tagline.core.TaglineException;
import dev.tagline.core.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * {@code VIDEO.clips.json}: what {@code tagline clips find} proposes for one source video, read by the renderer and
 * the web app. Versioned ({@link #VERSION}); schema in {@code docs/schemas/clips.schema.json}. The source path is
 * stored relative to the file's folder so a folder can be moved. Unknown fields are ignored when reading, so a newer
 * minor addition does not break an older reader; a newer major version is refused.
 *
 * @param createdAt when it was written, an ISO-8601 instant ({@link Instant#toString()})
 * @param transcript where the transcript came from ("talk.en.vtt", "speech-to-text (whisper-1)"), or null
 * @param notes what the finder could not use and how that shaped the result, one line each
 */
public record ClipsFile(int version, Source source, String createdAt, String transcript, List<String> notes,
                        List<ClipCandidate> clips) {
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .build();

    public ClipsFile {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(createdAt, "createdAt");
        Instant.parse(createdAt); // ISO-8601 instant, e.g. 2026-11-27T02:00:00Z
        notes = List.copyOf(notes == null ? List.of() : notes);
        clips = List.copyOf(clips == null ? List.of() : clips);
    }

    /** The source video: its path relative to the clips file, and its duration. */
    public record Source(String path, double durationSeconds) {
    }

    /** A current-version file created at {@code at}. */
    public static ClipsFile of(Source source, Instant at, String transcript, List<String> notes,
                               List<ClipCandidate> clips) {
        return new ClipsFile(VERSION, source, at.toString(), transcript, notes, clips);
    }

    /** {@code talk.mp4} → {@code talk.clips.json} beside it. */
    public static Path pathFor(Path video) {
        String name = video.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return video.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".clips.json");
    }

    /** Writes atomically. */
    public void write(Path file) {
        try {
            AtomicFiles.write(file, JSON.writeValueAsBytes(this));
        } catch (IOException e) {
            throw new TaglineException("Cannot encode the clips of " + source.path() + ": " + e.getMessage(), "", e);
        }
    }

    /** Reads and validates a clips file; errors name the file. */
    public static ClipsFile read(Path file) {
        ClipsFile clips;
        try {
            clips = JSON.readValue(Files.readAllBytes(file), ClipsFile.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new TaglineException("Cannot read " + file + ": " + e.getMessage().lines().findFirst().orElse(""),
                    "Re-run tagline clips find to write it again.", e);
        }
        if (clips.version() > VERSION) {
            throw new TaglineException(file + " was written by a newer Tagline (clips format " + clips.version()
                    + ", this one reads " + VERSION + ")", "Update Tagline.");
        }
        return clips;
    }

    /** The source video's path, resolved against the folder of {@code clipsFile}. */
    public Path sourceFile(Path clipsFile) {
        return clipsFile.toAbsolutePath().resolveSibling(source.path());
    }
}
