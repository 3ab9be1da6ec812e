package dev.tagline.inference.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagline.core.TaglineException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The models Tagline knows by id, read from a JSON resource ({@link #BUILT_IN}). Every entry is validated when the
 * catalog is read, and an error names the catalog, the model and the key, so a broken catalog fails at start.
 */
public final class Catalog {
    /** The catalog shipped in tagline-inference. */
    public static final String BUILT_IN = "/dev/tagline/inference/store/catalog.json";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Map<String, ModelEntry> models;

    private Catalog(Map<String, ModelEntry> models) {
        this.models = models;
    }

    public static Catalog builtIn() {
        try (InputStream in = Catalog.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new TaglineException("The model catalog " + BUILT_IN + " is missing from the build",
                        "Rebuild Tagline with ./mvnw package.");
            }
            return parse(in, BUILT_IN);
        } catch (IOException e) {
            throw new TaglineException("Cannot read the model catalog " + BUILT_IN + ": " + e.getMessage(),
                    "Rebuild Tagline with ./mvnw package.", e);
        }
    }

    /** Parses a catalog; {@code origin} names it in error messages. */
    public static Catalog parse(InputStream in, String origin) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new TaglineException("Model catalog " + origin + " is not valid JSON: " + e.getMessage(),
                    "Fix the catalog file.", e);
        }
        Map<String, ModelEntry> models = new LinkedHashMap<>();
        for (JsonNode node : root.path("models")) {
            ModelEntry entry = entry(node, origin);
            if (models.put(entry.id(), entry) != null) {
                throw bad(origin, entry.id(), "id", "appears twice");
            }
        }
        return new Catalog(java.util.Collections.unmodifiableMap(models));
    }

    public Collection<ModelEntry> models() {
        return models.values();
    }

    /**
     * The entry {@code id} names: its id in any case, or its Hugging Face repository id
     * ({@code SmilingWolf/wd-vit-tagger-v3}, {@code microsoft/Florence-2-base-ft}).
     */
    public Optional<ModelEntry> find(String id) {
        return Optional.ofNullable(models.get(id)).or(() -> CatalogNames.find(models.values(), id));
    }

    /** The catalog id nearest to an unknown {@code name}, for a "did you mean". */
    public Optional<String> nearest(String name) {
        return CatalogNames.nearest(models.values(), name);
    }

    private static ModelEntry entry(JsonNode node, String origin) {
        String id = text(node, "id", origin, "?");
        if (!ID.matcher(id).matches()) {
            throw bad(origin, id, "id", "must be lower-case letters, digits, '.', '_' or '-'");
        }
        List<ModelFile> files = new ArrayList<>();
        for (JsonNode file : node.path("files")) {
            files.add(file(file, origin, id));
        }
        if (files.isEmpty()) {
            throw bad(origin, id, "files", "is empty");
        }
        return new ModelEntry(id, node.path("description").asText(""), node.path("task").asText(""),
                node.path("licence").asText(""), files);
    }

    private static ModelFile file(JsonNode node, String origin, String id) {
        String name = text(node, "name", origin, id);
        if (!FILE_NAME.matcher(name).matches()) {
            throw bad(origin, id, "files.name", "'" + name + "' must be a plain file name");
        }
        String sha = node.hasNonNull("sha256") ? node.get("sha256").asText() : null;
        if (sha != null && !SHA256.matcher(sha).matches()) {
            throw bad(origin, id, name + ".sha256", "must be 64 lower-case hex digits");
        }
        List<FileSource> sources = new ArrayList<>();
        for (JsonNode source : node.path("sources")) {
            sources.add(source(source, origin, id + "/" + name));
        }
        if (sources.isEmpty()) {
            throw bad(origin, id, name + ".sources", "is empty");
        }
        if (sha == null && sources.stream().anyMatch(s -> !(s instanceof FileSource.HubFile))) {
            throw bad(origin, id, name + ".sha256", "is required unless every source is a Hugging Face file");
        }
        return new ModelFile(name, sha, node.path("size").asLong(-1), sources);
    }

    private static FileSource source(JsonNode node, String origin, String where) {
        String type = text(node, "type", origin, where);
        switch (type) {
            case "hf":
                return new FileSource.HubFile(text(node, "repo", origin, where), node.path("revision").asText("main"),
                        text(node, "path", origin, where));
            case "npm":
                return new FileSource.NpmFile(text(node, "package", origin, where), text(node, "path", origin, where));
            case "classpath":
                return new FileSource.ClasspathFile(text(node, "resource", origin, where),
                        node.path("artifact").asText(""));
            default:
                throw bad(origin, where, "sources.type", "'" + type + "' is not one of hf, npm, classpath");
        }
    }

    private static String text(JsonNode node, String key, String origin, String where) {
        JsonNode value = node.get(key);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw bad(origin, where, key, "is missing");
        }
        return value.asText();
    }

    private static TaglineException bad(String origin, String where, String key, String problem) {
        return new TaglineException("Model catalog " + origin + ", model " + where + ": '" + key + "' " + problem,
                "Fix the catalog entry.");
    }
}
