package dev.tagline.inference.store;

import dev.tagline.core.TaglineException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A model cannot be had. The message lists each source tried for the first file that failed, and every other file of
 * the model that is not on local disk either; the hint says how to get them all at once (a Hugging Face cache folder,
 * or the files by hand, each with its Hub path and the name it needs here).
 */
public final class ModelUnavailableException extends TaglineException {
    private static final long serialVersionUID = 1L;
    private final String modelId;
    private final List<String> attempts;
    private final List<String> hints;
    private final transient Path modelDir;
    private final transient Path hfCacheDir;

    ModelUnavailableException(String modelId, List<ModelFile> missing, List<String> attempts, List<String> hints,
                              Path modelDir, Path hfCacheDir) {
        super(message(modelId, missing, attempts), hint(missing, hints, modelDir, hfCacheDir));
        this.modelId = modelId;
        this.attempts = List.copyOf(attempts);
        this.hints = List.copyOf(hints);
        this.modelDir = modelDir;
        this.hfCacheDir = hfCacheDir;
    }

    /** One line per source tried for the first missing file: {@code "<source>: <why it failed>"}. */
    public List<String> attempts() {
        return attempts;
    }

    /** The same failure, naming every file of the model that is missing ({@code missing}, the failed one first). */
    ModelUnavailableException allMissing(List<ModelFile> missing) {
        return new ModelUnavailableException(modelId, missing, attempts, hints, modelDir, hfCacheDir);
    }

    private static String message(String modelId, List<ModelFile> missing, List<String> attempts) {
        StringBuilder sb = new StringBuilder("Cannot get model ").append(modelId);
        if (missing.size() == 1) {
            sb.append(" (file ").append(missing.get(0).name()).append("). Tried");
        } else {
            sb.append(" (").append(missing.size()).append(" files missing: ")
                    .append(missing.stream().map(ModelFile::name).collect(Collectors.joining(", ")))
                    .append("). Tried for ").append(missing.get(0).name()).append(':');
        }
        for (int i = 0; i < attempts.size(); i++) {
            sb.append(i == 0 ? " " : "; ").append(i + 1).append(") ").append(attempts.get(i));
        }
        return sb.append('.').toString();
    }

    private static String hint(List<ModelFile> missing, List<String> hints, Path modelDir, Path hfCacheDir) {
        Set<String> distinct = new LinkedHashSet<>();
        hints.stream().filter(h -> !h.isBlank()).forEach(h -> distinct.add(h.strip()));
        Set<String> repos = missing.stream().flatMap(f -> f.hubSource().stream()).map(FileSource.HubFile::repo)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        StringBuilder general = new StringBuilder("Otherwise ");
        if (!repos.isEmpty()) {
            general.append("set HF_ENDPOINT to a reachable Hub mirror, run 'hf download ")
                    .append(String.join("' and 'hf download ", repos)).append("' where the Hub can be reached and copy"
                            + " its Hugging Face cache folder (")
                    .append(repos.stream().map(r -> "models--" + r.replace("/", "--")).collect(Collectors.joining(
                            ", "))).append(") into ").append(hfCacheDir).append(", ");
        }
        if (missing.size() == 1 && missing.get(0).hubSource().map(h -> h.path().equals(missing.get(0).name()))
                .orElse(true)) {
            general.append("copy ").append(missing.get(0).name()).append(" into ").append(modelDir).append("/, ");
        } else {
            general.append("copy the files by hand (").append(missing.stream()
                    .map(f -> f.hubSource().map(FileSource.HubFile::path).orElse(f.name()) + " → "
                            + modelDir.resolve(f.name()))
                    .collect(Collectors.joining(", "))).append("), ");
        }
        general.append("or pass --model-path FILE|DIR.");
        return String.join(" ", distinct) + (distinct.isEmpty() ? "" : " ") + general;
    }
}
