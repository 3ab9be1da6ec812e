package dev.tagline.inference.store;

import dev.tagline.core.TaglineException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A {@code --model-path} that names a repository folder of a Hugging Face cache ({@code …/hub/models--Org--name}, the
 * natural thing to paste from {@code ~/.cache/huggingface/hub}) stands for the snapshot its {@code refs/main} points
 * at, where the files are.
 */
public final class HfRepoFolder {
    private HfRepoFolder() {
    }

    /** The snapshot folder {@code path} stands for, or {@code path} itself when it is no Hugging Face repository folder. */
    public static Path snapshotOf(Path path) {
        Path snapshots = path.resolve("snapshots");
        if (!Files.isDirectory(path) || !path.getFileName().toString().startsWith("models--")
                || !Files.isDirectory(snapshots)) {
            return path;
        }
        try {
            Path ref = path.resolve("refs").resolve("main");
            if (Files.isRegularFile(ref)) {
                Path snapshot = snapshots.resolve(Files.readString(ref, StandardCharsets.US_ASCII).strip());
                if (Files.isDirectory(snapshot)) {
                    return snapshot;
                }
            }
            List<Path> all;
            try (Stream<Path> list = Files.list(snapshots)) {
                all = list.filter(Files::isDirectory).sorted().toList();
            }
            if (all.size() == 1) {
                return all.get(0);
            }
            throw new TaglineException("--model-path " + path + " is a Hugging Face cache folder with "
                    + (all.isEmpty() ? "no snapshot" : all.size() + " snapshots and no refs/main"),
                    "Pass one of its snapshots/REV/ folders" + (all.isEmpty() ? "" : " (" + String.join(", ",
                            all.stream().map(p -> p.getFileName().toString()).toList()) + ")")
                            + ", or drop --model-path: Tagline reads the Hugging Face cache itself.");
        } catch (IOException e) {
            throw new TaglineException("Cannot read --model-path " + path + ": " + e.getMessage(),
                    "Check that it is readable.", e);
        }
    }
}
