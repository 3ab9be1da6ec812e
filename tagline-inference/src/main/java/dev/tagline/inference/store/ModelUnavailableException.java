package dev.tagline.inference.store;

import dev.tagline.core.TaglineException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Every source of a model file failed. The message lists each source tried and why; the hint how to fix it. */
public final class ModelUnavailableException extends TaglineException {
    private static final long serialVersionUID = 1L;
    private final List<String> attempts;

    ModelUnavailableException(String modelId, String fileName, List<String> attempts, List<String> hints,
                              Path modelDir, boolean fromHub) {
        super(message(modelId, fileName, attempts), hint(fileName, hints, modelDir, fromHub));
        this.attempts = List.copyOf(attempts);
    }

    /** One line per source tried: {@code "<source>: <why it failed>"}. */
    public List<String> attempts() {
        return attempts;
    }

    private static String message(String modelId, String fileName, List<String> attempts) {
        StringBuilder sb = new StringBuilder("Cannot get model ").append(modelId).append(" (file ").append(fileName)
                .append("). Tried");
        for (int i = 0; i < attempts.size(); i++) {
            sb.append(i == 0 ? " " : "; ").append(i + 1).append(") ").append(attempts.get(i));
        }
        return sb.append('.').toString();
    }

    private static String hint(String fileName, List<String> hints, Path modelDir, boolean fromHub) {
        Set<String> distinct = new LinkedHashSet<>();
        hints.stream().filter(h -> !h.isBlank()).forEach(h -> distinct.add(h.strip()));
        String general = "Otherwise " + (fromHub ? "set HF_ENDPOINT to a reachable Hub mirror, " : "") + "copy "
                + fileName + " into " + modelDir + "/, or pass --model-path FILE|DIR.";
        return String.join(" ", distinct) + (distinct.isEmpty() ? "" : " ") + general;
    }
}
