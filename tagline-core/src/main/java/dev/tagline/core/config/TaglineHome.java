package dev.tagline.core.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where Tagline keeps its own files: {@code $TAGLINE_HOME}, else {@code $XDG_CACHE_HOME/tagline}, else
 * {@code ~/.cache/tagline}. Models live in {@code models/} below it.
 */
public record TaglineHome(Path dir) {

    public static TaglineHome fromEnvironment(Map<String, String> env) {
        String home = env.get("TAGLINE_HOME");
        if (home != null && !home.isBlank()) {
            return new TaglineHome(Path.of(home).toAbsolutePath().normalize());
        }
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return new TaglineHome(Path.of(xdg, "tagline").toAbsolutePath().normalize());
        }
        String userHome = env.getOrDefault("HOME", System.getProperty("user.home"));
        return new TaglineHome(Path.of(userHome, ".cache", "tagline").toAbsolutePath().normalize());
    }

    public Path models() {
        return dir.resolve("models");
    }

    /** Journals of datasets whose own {@code .tagline/} cannot be written (read-only), one folder per dataset. */
    public Path journals() {
        return dir.resolve("state").resolve("journals");
    }

    public Path configFile() {
        return dir.resolve(Settings.FILE_NAME);
    }
}
