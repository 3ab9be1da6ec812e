package dev.tagline.images.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagline.core.TaglineException;
import dev.tagline.core.batch.FolderScan;
import dev.tagline.core.batch.ScanEntry;
import dev.tagline.core.batch.ScanOptions;
import dev.tagline.images.load.ImageFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The images of a folder with their sidecar text, as every export format reads them, and the notes every format shares:
 * how many counts fell where, how many rows had no caption, which captions have several lines. One instance per export.
 */
final class ExportRows {
    /** One exported image: its path relative to the folder ({@code /}-separated), and its sidecars' text or null. */
    interface Row {
        void accept(String rel, Path image, String caption, String tags);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int NAMED = 3;
    private static final int NAMED_WITHOUT_CAPTION = 5;

    private final String captionExtension;
    private final String tagsExtension;
    long exported;
    long uncaptioned;
    long filtered;
    long withoutCaption;
    long withoutTags;
    private long multiLine;
    private final List<String> multiLineNames = new ArrayList<>();
    private final List<String> withoutCaptionNames = new ArrayList<>();

    ExportRows(String captionExtension, String tagsExtension) {
        this.captionExtension = captionExtension;
        this.tagsExtension = tagsExtension;
    }

    /** Calls {@code row} for each image under {@code root} with a sidecar whose answers match {@code where}. */
    void each(Path root, Map<String, String> where, Row row) {
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
                uncaptioned++;
            } else if (!matches(answers(e.path()), where)) {
                filtered++;
            } else {
                exported++;
                count(e.key(), caption, tags);
                row.accept(e.key(), e.path(), caption, tags);
            }
            return true;
        });
    }

    private void count(String rel, String caption, String tags) {
        if (caption == null && withoutCaption++ < NAMED_WITHOUT_CAPTION) {
            withoutCaptionNames.add(rel);
        }
        if (tags == null) {
            withoutTags++;
        }
        if (caption != null && (caption.indexOf('\n') >= 0 || caption.indexOf('\r') >= 0)) {
            if (multiLine++ < NAMED) {
                int slash = rel.lastIndexOf('/');
                multiLineNames.add(rel.substring(0, slash + 1) + stem(rel.substring(slash + 1)) + captionExtension);
            }
        }
    }

    /**
     * Dogfood round 8 K12: a caption of several lines is exported as written, but kohya's repeat-folder loader reads
     * only the first line of a sidecar and OneTrainer samples each line as a prompt of its own.
     */
    java.util.Optional<String> multiLineNote() {
        if (multiLine == 0) {
            return java.util.Optional.empty();
        }
        String names = String.join(", ", multiLineNames) + (multiLine > NAMED ? ", …" : "");
        return java.util.Optional.of((multiLine == 1 ? "1 caption has" : multiLine + " captions have")
                + " several lines (" + names + "), exported as written: kohya's repeat-folder training reads only the"
                + " first, OneTrainer treats each line as a separate prompt. Join the lines if one prompt is meant.");
    }

    /**
     * The images whose row takes its text from the tags, as a note names them (dogfood round 9, L12): the first 5,
     * then "and N more".
     */
    String withoutCaptionNames() {
        long more = withoutCaption - withoutCaptionNames.size();
        return String.join(", ", withoutCaptionNames) + (more > 0 ? " and " + more + " more" : "");
    }

    private static String sidecar(Path image, String extension) {
        Path p = image.resolveSibling(stem(image.getFileName().toString()) + extension);
        if (!Files.isRegularFile(p)) {
            return null;
        }
        String text = SidecarWriter.read(p).strip();
        return text.isEmpty() ? null : text;
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
    static JsonNode answers(Path image) {
        Path p = image.resolveSibling(stem(image.getFileName().toString()) + ".json");
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

    /** The file name without its last extension. */
    static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }

    /** "1 row" / "3 rows". */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
