package dev.tagline.images.sidecar;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
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

    /** How many images were exported and how many had no sidecar. */
    public record Summary(long exported, long uncaptioned) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String captionExtension;
    private final String tagsExtension;

    public DatasetExport(String captionExtension, String tagsExtension) {
        this.captionExtension = new SidecarSettings(captionExtension, SidecarSettings.Existing.SKIP, "", false)
                .extension();
        this.tagsExtension = new SidecarSettings(tagsExtension, SidecarSettings.Existing.SKIP, "", true).extension();
    }

    /** Exports the images under {@code root} to {@code out}; {@code fullPath} keys kohya entries by absolute path. */
    public Summary export(Path root, Format format, Path out, boolean fullPath) {
        long[] counts = new long[2];
        AtomicFiles.write(out, stream -> {
            try {
                switch (format) {
                    case HF -> eachImage(root, (rel, img, caption, tags) -> {
                        ObjectNode n = JSON.createObjectNode().put("file_name", relative(out, img));
                        putIfPresent(n, "text", caption);
                        putIfPresent(n, "tags", tags);
                        write(stream, n.toString() + "\n");
                    }, counts);
                    case CSV -> {
                        write(stream, "file_name,caption,tags\n");
                        eachImage(root, (rel, img, caption, tags) -> write(stream, csv(relative(out, img)) + ","
                                + csv(caption) + "," + csv(tags) + "\n"), counts);
                    }
                    case KOHYA -> kohya(root, stream, fullPath, counts);
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        });
        return new Summary(counts[0], counts[1]);
    }

    private void kohya(Path root, OutputStream stream, boolean fullPath, long[] counts) throws IOException {
        Set<String> keys = new HashSet<>();
        try (JsonGenerator g = new JsonFactory().createGenerator(stream).useDefaultPrettyPrinter()) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.writeStartObject();
            eachImage(root, (rel, img, caption, tags) -> {
                String key = fullPath ? img.toAbsolutePath().toString() : stem(img);
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
            }, counts);
            g.writeEndObject();
        }
    }

    private interface Row {
        void accept(String rel, Path image, String caption, String tags);
    }

    private void eachImage(Path root, Row row, long[] counts) {
        ScanOptions scan = ScanOptions.of(ImageFormat.EXTENSIONS, Set.of());
        new FolderScan(scan).walk(root, (ScanEntry e) -> {
            if (!e.supported()) {
                return true;
            }
            String caption = sidecar(e.path(), captionExtension);
            String tags = sidecar(e.path(), tagsExtension);
            if (caption == null && tags == null) {
                counts[1]++;
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
