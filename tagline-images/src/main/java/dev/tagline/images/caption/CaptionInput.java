package dev.tagline.images.caption;

import dev.tagline.core.RgbImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One image to caption with what its prompt may refer to: {@code {name}} (file name without extension),
 * {@code {folder}} (the folder's name), {@code {tags}} (tags from a tagger, comma separated, as prose reads them:
 * without scores, ratings, Pony's score_/source_ tags or emphasis, which mean nothing to a vision model) and any
 * further variables a caller adds, such as the running context of a Q/A chain.
 */
public record CaptionInput(RgbImage image, Optional<Path> file, List<String> tags, Map<String, String> vars) {
    public CaptionInput {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(file, "file");
        tags = List.copyOf(tags);
        vars = Map.copyOf(vars);
    }

    /** An image from {@code file} with its tags; sets {@code name}, {@code folder} and {@code tags}. */
    public static CaptionInput of(RgbImage image, Path file, List<String> tags) {
        Map<String, String> vars = new LinkedHashMap<>();
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        vars.put("name", dot > 0 ? fileName.substring(0, dot) : fileName);
        Path parent = file.toAbsolutePath().getParent();
        vars.put("folder", parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString());
        vars.put("tags", String.join(", ", TagProse.spoken(tags)));
        return new CaptionInput(image, Optional.of(file), tags, vars);
    }

    /** An image without a file (tests, video keyframes); {@code name} and {@code folder} are empty. */
    public static CaptionInput of(RgbImage image, List<String> tags) {
        return new CaptionInput(image, Optional.empty(), tags,
                Map.of("name", "", "folder", "", "tags", String.join(", ", TagProse.spoken(tags))));
    }

    /** This input with one more (or a replaced) variable. */
    public CaptionInput with(String var, String value) {
        Map<String, String> next = new LinkedHashMap<>(vars);
        next.put(var, value);
        return new CaptionInput(image, file, tags, next);
    }
}
