package dev.tagline.core.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.tagline.core.TaglineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The layers of settings below the command line: environment ({@code TAGLINE_*}) over the config file
 * ({@code tagline.toml}). Flags override both; that layer lives in the CLI. Keys are option names without dashes
 * ({@code general-threshold}); a key can be given for one command ({@code TAGLINE_TAG_GENERAL_THRESHOLD},
 * {@code [tag] general-threshold = 0.4}) or for all commands ({@code TAGLINE_GENERAL_THRESHOLD},
 * top-level {@code general-threshold = 0.4}); the command-specific one wins.
 */
public final class Settings {
    public static final String FILE_NAME = "tagline.toml";
    private static final String ENV_PREFIX = "TAGLINE_";

    private final Map<String, String> env;
    private final JsonNode file;
    private final Path filePath;

    private Settings(Map<String, String> env, JsonNode file, Path filePath) {
        this.env = Map.copyOf(env);
        this.file = file;
        this.filePath = filePath;
    }

    /**
     * Loads the settings for a run: {@code explicitFile} when given (it must exist), else {@code tagline.toml} in the
     * working directory, else in {@code $TAGLINE_HOME}, else no file.
     */
    public static Settings load(Path workDir, Map<String, String> env, Path explicitFile) {
        Path file = explicitFile;
        if (file == null && env.get(ENV_PREFIX + "CONFIG") != null && !env.get(ENV_PREFIX + "CONFIG").isBlank()) {
            file = Path.of(env.get(ENV_PREFIX + "CONFIG"));
        }
        if (file != null) {
            Path resolved = workDir.resolve(file).normalize();
            if (!Files.isRegularFile(resolved)) {
                throw new TaglineException("Config file " + resolved + " does not exist",
                        "Create it, or drop --config / TAGLINE_CONFIG to use the defaults.");
            }
            return new Settings(env, parse(resolved), resolved);
        }
        for (Path candidate : List.of(workDir.resolve(FILE_NAME), TaglineHome.fromEnvironment(env).configFile())) {
            if (Files.isRegularFile(candidate)) {
                return new Settings(env, parse(candidate), candidate.normalize());
            }
        }
        return new Settings(env, null, null);
    }

    /** Settings with no file, from the given environment only. */
    public static Settings ofEnvironment(Map<String, String> env) {
        return new Settings(env, null, null);
    }

    private static JsonNode parse(Path path) {
        try {
            return new TomlMapper().readTree(Files.readString(path));
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new TaglineException("Cannot read config file " + path + where + ": " + e.getOriginalMessage(),
                    "Fix the TOML syntax, or move the file away to use the defaults.", e);
        } catch (IOException e) {
            throw new TaglineException("Cannot read config file " + path + ": " + e.getMessage(),
                    "Check that the file is readable.", e);
        }
    }

    /** The config file in use, if any. */
    public Optional<Path> file() {
        return Optional.ofNullable(filePath);
    }

    /** The environment these settings were read with. */
    public Map<String, String> environment() {
        return env;
    }

    /**
     * The value of {@code key} for {@code command} (a space-separated command path such as {@code "models pull"}, or
     * empty for global settings): from the environment first, then the file; in each, the command's own name or
     * table first, then each parent command's ({@code [clips]} applies to {@code clips find} and {@code clips render},
     * as {@code TAGLINE_CLIPS_LENGTH} does), then the global one.
     */
    public Optional<Setting> lookup(String command, String key) {
        List<String> scopes = new ArrayList<>();
        if (!command.isBlank()) {
            String[] parts = command.split(" ");
            for (int n = parts.length; n > 0; n--) {
                scopes.add(String.join(".", java.util.Arrays.copyOf(parts, n)));
            }
        }
        for (String scope : scopes) {
            Optional<Setting> found = fromEnv(envName(scope.replace('.', '_') + "_" + key));
            if (found.isPresent()) {
                return found;
            }
        }
        Optional<Setting> global = fromEnv(envName(key));
        if (global.isPresent() || file == null) {
            return global;
        }
        for (String scope : scopes) {
            JsonNode section = file;
            for (String part : scope.split("\\.")) {
                section = section == null ? null : section.get(part);
            }
            Optional<Setting> scoped = fromNode(section, key, scope + "." + key);
            if (scoped.isPresent()) {
                return scoped;
            }
        }
        return fromNode(file, key, key);
    }

    private Optional<Setting> fromEnv(String name) {
        String value = env.get(name);
        return value == null ? Optional.empty() : Optional.of(new Setting(value, "environment variable " + name));
    }

    private Optional<Setting> fromNode(JsonNode section, String key, String dotted) {
        if (section == null || !section.isObject() || !section.has(key) || section.get(key).isObject()) {
            return Optional.empty();
        }
        JsonNode node = section.get(key);
        String value;
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.asText()));
            value = String.join(",", items);
        } else {
            value = node.asText();
        }
        return Optional.of(new Setting(value, filePath + " key " + dotted));
    }

    /** Every leaf key of the config file, dotted ({@code tag.general-threshold}), for validation. */
    public List<String> fileKeys() {
        List<String> keys = new ArrayList<>();
        if (file != null) {
            collect(file, "", keys);
        }
        return keys;
    }

    private static void collect(JsonNode node, String prefix, List<String> keys) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
            if (entry.getValue().isObject()) {
                collect(entry.getValue(), name, keys);
            } else {
                keys.add(name);
            }
        }
    }

    static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    }

    /** A value and where it came from, so that an error can name the place to fix. */
    public record Setting(String value, String source) {
    }
}
