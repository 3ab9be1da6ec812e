package dev.tagline.images.tag;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One image to tag: its pixels and, when it came from a file, that file (some signals, such as the JPEG quantisation
 * tables, live in the file and not in the pixels). {@code BufferedImage} stands in for tagline-core's {@code RgbImage}
 * until that type exists.
 */
public record TaggerInput(BufferedImage image, Optional<Path> file) {
    public TaggerInput {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(file, "file");
    }

    public static TaggerInput of(BufferedImage image) {
        return new TaggerInput(image, Optional.empty());
    }

    public static TaggerInput of(BufferedImage image, Path file) {
        return new TaggerInput(image, Optional.of(file));
    }
}
