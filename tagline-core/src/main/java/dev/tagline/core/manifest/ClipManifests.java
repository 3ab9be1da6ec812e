package dev.tagline.core.manifest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tagline.core.TaglineException;
import dev.tagline.core.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes {@code clip.json} files, validating them against the version-1 rules of {@link ClipManifest}. */
public final class ClipManifests {
    public static final String FILE_NAME = "clip.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ClipManifests() {
    }

    /** Reads {@code file}, or {@code file/clip.json} when {@code file} is a directory. */
    public static ClipManifest read(Path file) {
        Path path = Files.isDirectory(file) ? file.resolve(FILE_NAME) : file;
        if (!Files.isRegularFile(path)) {
            throw new TaglineException("No clip manifest at " + path,
                    "Give a rendered clip folder (with clip.json) or the clip.json itself.");
        }
        JsonNode node;
        try {
            node = JSON.readTree(Files.readString(path));
        } catch (JacksonException e) {
            throw new TaglineException("Cannot parse " + path + ": " + e.getOriginalMessage(),
                    "Re-render the clip, or fix the JSON by hand.", e);
        } catch (IOException e) {
            throw new TaglineException("Cannot read " + path + ": " + e.getMessage(), "Check that it is readable.", e);
        }
        validate(path, node);
        try {
            return JSON.treeToValue(node, ClipManifest.class);
        } catch (JacksonException e) {
            throw new TaglineException(path + " is not a valid clip manifest: " + e.getOriginalMessage(),
                    "Compare it with docs/schemas/clip.schema.json.", e);
        }
    }

    /** Writes {@code manifest} to {@code file} atomically. */
    public static void write(Path file, ClipManifest manifest) {
        try {
            AtomicFiles.write(file, JSON.writeValueAsBytes(manifest));
        } catch (JacksonException e) {
            throw new TaglineException("Cannot serialise clip manifest " + manifest.id(), "", e);
        }
    }

    /** The video file of a manifest read from {@code manifestFile}. */
    public static Path videoOf(Path manifestFile, ClipManifest manifest) {
        Path dir = Files.isDirectory(manifestFile) ? manifestFile : manifestFile.toAbsolutePath().getParent();
        return dir.resolve(manifest.video()).normalize();
    }

    private static void validate(Path path, JsonNode node) {
        if (!node.isObject()) {
            throw invalid(path, "the top level is not a JSON object");
        }
        if (!ClipManifest.SCHEMA.equals(node.path("schema").asText())) {
            throw invalid(path, "\"schema\" is not \"" + ClipManifest.SCHEMA + "\"");
        }
        int version = node.path("version").asInt(-1);
        if (version != ClipManifest.VERSION) {
            throw new TaglineException(path + " has clip manifest version " + node.path("version")
                    + ", this build reads version " + ClipManifest.VERSION, "Upgrade tagline or re-render the clip.");
        }
        for (String field : new String[] {"id", "video"}) {
            if (!node.path(field).isTextual() || node.path(field).asText().isBlank()) {
                throw invalid(path, "\"" + field + "\" is missing or empty");
            }
        }
        double score = node.path("score").asDouble(0);
        if (score < 0 || score > 1) {
            throw invalid(path, "\"score\" " + score + " is outside [0, 1]");
        }
        if (node.path("durationSeconds").asDouble(0) <= 0) {
            throw invalid(path, "\"durationSeconds\" must be positive");
        }
    }

    private static TaglineException invalid(Path path, String what) {
        return new TaglineException(path + " is not a valid clip manifest: " + what,
                "Compare it with docs/schemas/clip.schema.json, or re-render the clip.");
    }
}
