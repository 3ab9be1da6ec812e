package dev.tagline.inference;

import dev.tagline.core.TaglineException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the files of one model package lie on disk: the folder an npm tarball or jar was unpacked into (the model
 * store's cache entry), addressed by the paths inside the package ({@code assets/ch_PP-OCRv4_det_infer.onnx}).
 * The built-in models take this instead of fetching anything themselves.
 *
 * @param modelId the catalog id, used in error messages only (e.g. {@code paddleocr-v4})
 * @param root the unpacked package folder
 */
public record ModelFiles(String modelId, Path root) {
    public ModelFiles {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(root, "root");
    }

    /**
     * The file at {@code relativePath} inside the package, or, in a flat folder such as the model store's cache entry,
     * the file of that name; fails naming the file when it is missing.
     */
    public Path require(String relativePath) {
        Path file = locate(relativePath);
        if (!Files.isRegularFile(file)) {
            throw new TaglineException("Model " + modelId + " is missing " + file,
                    "Delete " + root + " so the model is fetched again, or check the model cache setting.");
        }
        return file;
    }

    /** Whether the package has {@code relativePath} (for optional parts such as the OCR angle classifier). */
    public boolean has(String relativePath) {
        return Files.isRegularFile(locate(relativePath));
    }

    private Path locate(String relativePath) {
        Path inPackage = root.resolve(relativePath);
        Path flat = root.resolve(inPackage.getFileName());
        return !Files.isRegularFile(inPackage) && Files.isRegularFile(flat) ? flat : inPackage;
    }
}
