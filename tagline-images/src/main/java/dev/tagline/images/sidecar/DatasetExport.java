package dev.tagline.images.sidecar;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tagline.core.TaglineException;
import dev.tagline.core.batch.FolderScan;
import dev.tagline.core.batch.ScanEntry;
import dev.tagline.core.batch.ScanOptions;
import dev.tagline.core.files.AtomicFiles;
import dev.tagline.images.load.ImageFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

/**
 * Exports a captioned folder to one metadata file (captioning.md §8.2–8.3): Hugging Face {@code metadata.jsonl}
 * ({@code file_name} relative to the metadata file, {@code text} = caption, {@code tags}), kohya {@code meta_cap.json}
 * (keyed by file stem, or full path, with {@code caption} and {@code tags}), or CSV ({@code file_name,caption,tags}).
 * Images without any sidecar are left out and counted. Streams: memory does not grow with the folder (except kohya's
 * key check). Written atomically.
 */
public final class DatasetExport {
    /** Output formats. */
    public enum Format {
        HF("metadata.jsonl"), KOHYA("meta_cap.json"), CSV("metadata.csv");

        private final String defaultName;

        Format(String defaultName) {
            this.defaultName = defaultName;
        }

        /** The usual file name: {@code metadata.jsonl}, {@code meta_cap.json}, {@code metadata.csv}. */
        public String defaultName() {
            return defaultName;
        }

        public static Format parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TaglineException("Invalid export format '" + text + "'", "Use hf, kohya or csv.", e);
            }
        }
    }

    /**
     * How many images were exported, how many had no sidecar, how many {@code --where} left out, and warnings about
     * the file written (kohya keys its trainer cannot resolve, {@link KohyaFolders#stemKeyNote}).
     */
    public record Summary(long exported, long uncaptioned, long filtered, List<String> warnings) {
        public Summary(long exported, long uncaptioned, long filtered) {
            this(exported, uncaptioned, filtered, List.of());
        }

        public Summary(long exported, long uncaptioned) {
            this(exported, uncaptioned, 0);
        }

        public Summary {
            warnings = List.copyOf(warnings);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String captionExtension;
    private final String tagsExtension;

    public DatasetExport(String captionExtension, String tagsExtension) {
        this.captionExtension = new SidecarSettings(captionExtension, SidecarSettings.Existing.SKIP, "", false)
                .extension();
        this.tagsExtension = new SidecarSettings(tagsExtension, SidecarSettings.Existing.SKIP, "", true).extension();
    }

    /**
     * Exports the images under {@code root} to {@code out}; {@code fullPath} keys kohya entries by absolute path. When
     * no image qualifies, {@code out} is neither written nor changed.
     */
    public Summary export(Path root, Format format, Path out, boolean fullPath) {
        return export(root, format, out, fullPath, Map.of());
    }

    /**
     * As {@link #export(Path, Format, Path, boolean)}, keeping only images whose {@code .json} sidecar has every
     * answer of {@code where} ({@code qa.subject == "animal"}, compared without case), as {@code tagline caption
     * --ask} writes it. Hugging Face rows also carry those answers as {@code qa}.
     */
    public Summary export(Path root, Format format, Path out, boolean fullPath, Map<String, String> where) {
        long[] counts = new long[3];
        KohyaFolders folders = new KohyaFolders(root);
        try {
            write(root, format, out, fullPath, where, counts, folders);
        } catch (NothingExported e) {
            return new Summary(counts[0], counts[1], counts[2]); // out untouched: an empty file would mislead a trainer
        }
        List<String> warnings = new java.util.ArrayList<>();
        if (format == Format.KOHYA) {
            folders.repeatFoldersNote(captionExtension, tagsExtension).ifPresent(warnings::add);
            if (!fullPath) {
                folders.stemKeyNote().ifPresent(warnings::add);
            }
        }
        return new Summary(counts[0], counts[1], counts[2], warnings);
    }

    /** Thrown inside the atomic write when no image qualifies, so that no file is written. */
    private static final class NothingExported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NothingExported() {
            super(null, null, false, false);
        }
    }

    private void write(Path root, Format format, Path out, boolean fullPath, Map<String, String> where,
                       long[] counts, KohyaFolders folders) {
        AtomicFiles.write(out, stream -> {
            try {
                switch (format) {
                    case HF -> eachImage(root, (rel, img, caption, tags) -> {
                        ObjectNode n = JSON.createObjectNode().put("file_name", relative(out, img));
                        putIfPresent(n, "text", caption);
                        putIfPresent(n, "tags", tags);
                        JsonNode qa = answers(img);
                        if (!qa.isEmpty()) {
                            n.set("qa", qa);
                        }
                        write(stream, n.toString() + "\n");
                    }, counts, where);
                    case CSV -> {
                        write(stream, "file_name,caption,tags\n");
                        eachImage(root, (rel, img, caption, tags) -> write(stream, csv(relative(out, img)) + ","
                                + csv(caption) + "," + csv(tags) + "\n"), counts, where);
                    }
                    case KOHYA -> kohya(root, stream, fullPath, counts, where, folders);
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            if (counts[0] == 0) {
                throw new NothingExported();
            }
        });
    }

    private void kohya(Path root, OutputStream stream, boolean fullPath, long[] counts, Map<String, String> where,
                       KohyaFolders folders) throws IOException {
        Set<String> keys = new HashSet<>();
        try (JsonGenerator g = new JsonFactory().createGenerator(stream).useDefaultPrettyPrinter()) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.writeStartObject();
            eachImage(root, (rel, img, caption, tags) -> {
                String key = fullPath ? img.toAbsolutePath().toString() : stem(img);
                folders.add(rel);
                if (!keys.add(key)) {
                    throw new TaglineException("Two images share the kohya key '" + key + "' (" + rel + ")",
                            "Use --full-path, as kohya's scripts do for nested folders.");
                }
                try {
                    g.writeObjectFieldStart(key);
                    if (caption != null) {
                        g.writeStringField("caption", caption);
                    }
                    if (tags != null) {
                        g.writeStringField("tags", tags);
                    }
                    g.writeEndObject();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, counts, where);
            g.writeEndObject();
        }
    }

    private interface Row {
        void accept(String rel, Path image, String caption, String tags);
    }

    private void eachImage(Path root, Row row, long[] counts, Map<String, String> where) {
        ScanOptions scan = ScanOptions.of(ImageFormat.EXTENSIONS, Set.of());
        new FolderScan(scan).walk(root, (ScanEntry e) -> {
            if (!e.supported()) {
                return true;
            }
            if (e.sameStemAs() != null) { // every format: one sidecar cannot hold two images' text
                throw new TaglineException("Two images share one sidecar: " + e.key() + " and " + e.sameStemAs(),
                        "Rename one of them (and its text into a sidecar of the new name), then export again.");
            }
            String caption = sidecar(e.path(), captionExtension);
            String tags = sidecar(e.path(), tagsExtension);
            if (caption == null && tags == null) {
                counts[1]++;
            } else if (!matches(answers(e.path()), where)) {
                counts[2]++;
            } else {
                counts[0]++;
                row.accept(e.key(), e.path(), caption, tags);
            }
            return true;
        });
    }

    private static String sidecar(Path image, String extension) {
        Path p = image.resolveSibling(stem(image) + extension);
        if (!Files.isRegularFile(p)) {
            return null;
        }
        String text = SidecarWriter.read(p).strip();
        return text.isEmpty() ? null : text;
    }

    /** Parses {@code key=value} filters; the key is an answer's key. */
    public static Map<String, String> parseWhere(List<String> filters) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String f : filters) {
            int eq = f.indexOf('=');
            if (eq <= 0) {
                throw new TaglineException("Invalid --where '" + f + "'", "Write KEY=VALUE, e.g. --where"
                        + " subject=animal (the keys are the answer keys of tagline caption --ask).");
            }
            out.put(f.substring(0, eq).strip().toLowerCase(Locale.ROOT), f.substring(eq + 1).strip());
        }
        return out;
    }

    private static boolean matches(JsonNode qa, Map<String, String> where) {
        for (Map.Entry<String, String> w : where.entrySet()) {
            if (!qa.path(w.getKey()).asText("").strip().equalsIgnoreCase(w.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** The {@code qa} object of the image's {@code .json} sidecar; empty when there is none. */
    private static JsonNode answers(Path image) {
        Path p = image.resolveSibling(stem(image) + ".json");
        if (!Files.isRegularFile(p)) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode qa = JSON.readTree(SidecarWriter.read(p)).path("qa");
            return qa.isObject() ? qa : JSON.createObjectNode();
        } catch (IOException e) {
            throw new TaglineException(p + " is not JSON: " + e.getMessage().lines().findFirst().orElse(""),
                    "Delete it, or caption the image again with --existing overwrite.", e);
        }
    }

    private static String stem(Path image) {
        String name = image.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }

    private static String relative(Path out, Path image) {
        Path base = out.toAbsolutePath().normalize().getParent();
        return base.relativize(image.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private static void putIfPresent(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    /** RFC 4180: quote when needed, double the quotes. */
    static String csv(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static void write(OutputStream out, String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
