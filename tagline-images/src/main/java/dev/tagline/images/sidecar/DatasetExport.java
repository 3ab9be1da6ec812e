package dev.tagline.images.sidecar;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tagline.core.TaglineException;
import dev.tagline.core.files.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

/**
 * Exports a captioned folder to one metadata file (captioning.md §8.2–8.3): Hugging Face {@code metadata.jsonl}
 * ({@code file_name} relative to the metadata file, {@code text}, {@code tags}), kohya {@code meta_cap.json} (keyed by
 * file stem, or full path, with {@code caption} and {@code tags}), or CSV ({@code file_name,caption,tags}); or to a
 * copy of the folder with one {@code NAME.txt} per image ({@link TxtFolderExport}). Every Hugging Face and CSV row has
 * the same columns: the text (caption) is the caption, or the tags where there is none, as diffusers' training scripts
 * read one column for the prompt; the tags are empty where there are none. Images without any sidecar are left out and
 * counted. Streams: memory does not grow with the folder (except kohya's key check). Written atomically.
 */
public final class DatasetExport {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Output formats. */
    public enum Format {
        HF("metadata.jsonl"), KOHYA("meta_cap.json"), CSV("metadata.csv"), TXT(null);

        private final String defaultName;

        Format(String defaultName) {
            this.defaultName = defaultName;
        }

        /** The usual file name: {@code metadata.jsonl}, {@code meta_cap.json}, {@code metadata.csv}; none for txt. */
        public String defaultName() {
            return defaultName;
        }

        /** True for txt, which writes a folder (images and one {@code NAME.txt} each), not one file. */
        public boolean writesFolder() {
            return defaultName == null;
        }

        public static Format parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TaglineException("Invalid export format '" + text + "'", "Use hf, kohya, csv or txt."
                        + " taggui, OneTrainer and ai-toolkit read one NAME.txt per image: --format txt --out DIR"
                        + " writes that copy of the folder.", e);
            }
        }
    }

    /**
     * How many images were exported, how many had no sidecar, how many {@code --where} left out, warnings about the
     * file written (kohya keys its trainer cannot resolve, {@link KohyaFolders#stemKeyNote}), and notes on what the
     * export did with the text (rows whose text comes from the tags, captions of several lines, links and copies).
     */
    public record Summary(long exported, long uncaptioned, long filtered, List<String> warnings, List<String> notes) {
        public Summary(long exported, long uncaptioned, long filtered, List<String> warnings) {
            this(exported, uncaptioned, filtered, warnings, List.of());
        }

        public Summary(long exported, long uncaptioned, long filtered) {
            this(exported, uncaptioned, filtered, List.of());
        }

        public Summary(long exported, long uncaptioned) {
            this(exported, uncaptioned, 0);
        }

        public Summary {
            warnings = List.copyOf(warnings);
            notes = List.copyOf(notes);
        }
    }

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
     * --ask} writes it. Hugging Face rows also carry those answers as {@code qa}. txt writes the caption (or the tags)
     * and replaces no file that differs: see {@link #exportTxt}.
     */
    public Summary export(Path root, Format format, Path out, boolean fullPath, Map<String, String> where) {
        if (format == Format.TXT) {
            return exportTxt(root, out, TxtFolderExport.Text.CAPTION, false, where);
        }
        ExportRows rows = new ExportRows(captionExtension, tagsExtension);
        KohyaFolders folders = new KohyaFolders(root);
        try {
            write(root, format, out, fullPath, where, rows, folders);
        } catch (NothingExported e) {
            return new Summary(0, rows.uncaptioned, rows.filtered); // out untouched: an empty file would mislead
        }
        List<String> warnings = new java.util.ArrayList<>();
        if (format == Format.KOHYA) {
            folders.repeatFoldersNote(captionExtension, tagsExtension).ifPresent(warnings::add);
            if (!fullPath) {
                folders.stemKeyNote().ifPresent(warnings::add);
            }
        }
        List<String> notes = new java.util.ArrayList<>();
        if (format != Format.KOHYA && rows.withoutCaption > 0) { // kohya's loader takes the tags itself
            notes.add(ExportRows.count(rows.withoutCaption, "row") + (rows.withoutCaption == 1 ? " takes its " : " take"
                    + " their ") + (format == Format.HF ? "text" : "caption") + " from the tags (no caption): "
                    + rows.withoutCaptionNames() + ". A trainer reading the " + (format == Format.HF ? "text" : "caption") + " column trains on the"
                    + " tags as the prompt there; caption those images first (tagline caption) for sentences.");
        }
        rows.multiLineNote().ifPresent(notes::add);
        return new Summary(rows.exported, rows.uncaptioned, rows.filtered, warnings, notes);
    }

    /**
     * Writes {@code outDir}: the images under {@code root}, hard-linked (or copied), each with a {@code NAME.txt} that
     * holds {@code text}, as taggui, OneTrainer and ai-toolkit read them. A file there that would change is replaced
     * only with {@code overwrite}; otherwise nothing is written and the error names it.
     */
    public Summary exportTxt(Path root, Path outDir, TxtFolderExport.Text text, boolean overwrite,
                             Map<String, String> where) {
        return new TxtFolderExport(new ExportRows(captionExtension, tagsExtension), text, overwrite)
                .export(root, outDir, where);
    }

    /** Thrown inside the atomic write when no image qualifies, so that no file is written. */
    private static final class NothingExported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NothingExported() {
            super(null, null, false, false);
        }
    }

    private void write(Path root, Format format, Path out, boolean fullPath, Map<String, String> where,
                       ExportRows rows, KohyaFolders folders) {
        AtomicFiles.write(out, stream -> {
            try {
                switch (format) {
                    case HF -> rows.each(root, where, (rel, img, caption, tags) -> {
                        ObjectNode n = JSON.createObjectNode().put("file_name", relative(out, img))
                                .put("text", caption != null ? caption : tags).put("tags", tags != null ? tags : "");
                        JsonNode qa = ExportRows.answers(img);
                        if (!qa.isEmpty()) {
                            n.set("qa", qa);
                        }
                        write(stream, n.toString() + "\n");
                    });
                    case CSV -> {
                        write(stream, "file_name,caption,tags\n");
                        rows.each(root, where, (rel, img, caption, tags) -> write(stream, csv(relative(out, img))
                                + "," + csv(caption != null ? caption : tags) + "," + csv(tags) + "\n"));
                    }
                    case KOHYA -> kohya(root, stream, fullPath, rows, where, folders);
                    case TXT -> throw new IllegalStateException("txt writes a folder");
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            if (rows.exported == 0) {
                throw new NothingExported();
            }
        });
    }

    private void kohya(Path root, OutputStream stream, boolean fullPath, ExportRows rows, Map<String, String> where,
                       KohyaFolders folders) throws IOException {
        Set<String> keys = new HashSet<>();
        try (JsonGenerator g = new JsonFactory().createGenerator(stream).useDefaultPrettyPrinter()) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.writeStartObject();
            rows.each(root, where, (rel, img, caption, tags) -> {
                String key = fullPath ? img.toAbsolutePath().toString() : ExportRows.stem(img.getFileName().toString());
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
            });
            g.writeEndObject();
        }
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

    private static String relative(Path out, Path image) {
        Path base = out.toAbsolutePath().normalize().getParent();
        return base.relativize(image.toAbsolutePath().normalize()).toString().replace('\\', '/');
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
