package dev.tagline.inference.store;

import dev.tagline.core.TaglineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Models the user points at with {@code --model-path FILE|DIR}. For a model the catalog does not know, the file (or
 * every visible file of the folder) is the model, taken as it is. For a catalog model, the folder must hold its files
 * by name, or at its path in the Hub repository (a file may stand for a one-file model), and each pinned SHA-256 is
 * checked. A Hugging Face cache repository folder stands for its {@code refs/main} snapshot. Nothing is copied.
 */
final class UserPaths {
    private UserPaths() {
    }

    static ResolvedModel resolve(String id, ModelEntry entry, Path given) {
        if (!Files.exists(given)) {
            throw new TaglineException("--model-path " + given + " does not exist",
                    "Pass an existing model file or folder, or drop --model-path to use the catalog.");
        }
        Path path = HfRepoFolder.snapshotOf(given);
        Path dir = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        Map<String, Path> files = new LinkedHashMap<>();
        try {
            if (entry == null) {
                if (Files.isDirectory(path)) {
                    try (Stream<Path> list = Files.list(path)) {
                        list.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                                .sorted().forEach(p -> files.put(p.getFileName().toString(), p));
                    }
                } else {
                    files.put(path.getFileName().toString(), path);
                }
                if (files.isEmpty()) {
                    throw new TaglineException("--model-path " + path + " holds no files", "Pass a model file.");
                }
                return new ResolvedModel(id, dir, files, "--model-path");
            }
            for (ModelFile file : entry.files()) {
                Path candidate = locate(entry, file, path);
                checkPin(entry, file, candidate);
                files.put(file.name(), candidate);
            }
            return new ResolvedModel(id, dir, files, "--model-path");
        } catch (IOException e) {
            throw new TaglineException("Cannot read --model-path " + path + ": " + e.getMessage(),
                    "Check that it is readable.", e);
        }
    }

    private static Path locate(ModelEntry entry, ModelFile file, Path path) {
        if (Files.isDirectory(path)) {
            Path candidate = path.resolve(file.name());
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            Path asOnTheHub = file.hubSource().map(h -> path.resolve(h.path())).orElse(candidate);
            if (Files.isRegularFile(asOnTheHub)) {
                return asOnTheHub; // a Hub snapshot keeps some files in sub-folders (onnx/)
            }
        } else if (entry.files().size() == 1 || path.getFileName().toString().equals(file.name())) {
            return path;
        }
        throw new TaglineException("--model-path " + path + " has no " + file.name() + " (model " + entry.id()
                + " needs " + String.join(", ", entry.files().stream().map(ModelFile::name).toList()) + ")",
                "Pass a folder that holds these files.");
    }

    private static void checkPin(ModelEntry entry, ModelFile file, Path candidate) throws IOException {
        if (file.pinnedSha256().isEmpty()) {
            return;
        }
        String actual = Checksums.sha256(candidate);
        if (!actual.equals(file.sha256())) {
            throw new TaglineException(candidate + " has SHA-256 " + actual + ", but model " + entry.id() + " file "
                    + file.name() + " must have " + file.sha256(),
                    "Pass the right file, or drop --model-path to let Tagline fetch the model.");
        }
    }
}
