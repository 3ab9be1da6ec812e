package dev.tagline.web;

import dev.tagline.core.TaglineException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What {@code tagline serve} needs, validated once: where to listen, the only folders media may be served from (by
 * name), where the admin password hash lives, and the PBKDF2 cost. {@code secureCookies} forces the {@code Secure}
 * cookie flag (behind a TLS proxy); it is also set per request when the request arrived over https.
 * {@code captionExtensions} and {@code tagsExtensions} (by media folder name) say where a folder's captions and tags
 * live when not in {@code .caption} and {@code .txt} ({@code serve --caption-extension NAME=.txt}).
 */
public record WebSettings(String host, int port, Map<String, Path> mediaRoots, Path passwordFile,
                          String adminPasswordFromEnv, boolean secureCookies, int pbkdf2Iterations,
                          Duration sessionIdle, Map<String, String> captionExtensions,
                          Map<String, String> tagsExtensions) {
    /** OWASP 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;

    public WebSettings {
        mediaRoots = Map.copyOf(mediaRoots);
        captionExtensions = Map.copyOf(captionExtensions);
        tagsExtensions = Map.copyOf(tagsExtensions);
        if (port < 0 || port > 65535) {
            throw new TaglineException("Port " + port + " is out of range", "Give --port between 1 and 65535 (0 = any free port).");
        }
        for (Map.Entry<String, Path> root : mediaRoots.entrySet()) {
            if (!root.getKey().matches("[A-Za-z0-9_-]+")) {
                throw new TaglineException("Media root name '" + root.getKey() + "' is not a simple name",
                        "Use letters, digits, '-' or '_', e.g. --media clips=/srv/clips.");
            }
            if (!Files.isDirectory(root.getValue())) {
                throw new TaglineException("Media root '" + root.getKey() + "' (" + root.getValue()
                        + ") is not a folder", "Create it or fix --media " + root.getKey() + "=FOLDER.");
            }
        }
        requireMediaNames(captionExtensions, "--caption-extension", mediaRoots);
        requireMediaNames(tagsExtensions, "--tags-extension", mediaRoots);
        for (String name : mediaRoots.keySet()) {
            sidecars(name, captionExtensions, tagsExtensions); // refuses an image, video or metadata extension
        }
        if (pbkdf2Iterations < 100_000) {
            throw new TaglineException("PBKDF2 iteration count " + pbkdf2Iterations + " is too low",
                    "Use at least 100000 (default " + DEFAULT_ITERATIONS + ").");
        }
    }

    /** The settings with every media folder's captions in {@code .caption} and tags in {@code .txt}. */
    public WebSettings(String host, int port, Map<String, Path> mediaRoots, Path passwordFile,
                       String adminPasswordFromEnv, boolean secureCookies, int pbkdf2Iterations, Duration sessionIdle) {
        this(host, port, mediaRoots, passwordFile, adminPasswordFromEnv, secureCookies, pbkdf2Iterations, sessionIdle,
                Map.of(), Map.of());
    }

    /** Where the captions and tags of media folder {@code name} live. */
    DatasetSidecars sidecars(String name) {
        return sidecars(name, captionExtensions, tagsExtensions);
    }

    /** Where the captions and tags of the media folder at {@code dir} live (as given by {@link #mediaRoots}). */
    DatasetSidecars sidecarsAt(Path dir) {
        return mediaRoots.entrySet().stream().filter(e -> e.getValue().equals(dir)).map(e -> sidecars(e.getKey()))
                .findFirst().orElse(DatasetSidecars.DEFAULTS);
    }

    private static DatasetSidecars sidecars(String name, Map<String, String> captions, Map<String, String> tags) {
        String caption = captions.getOrDefault(name, DatasetSidecars.DEFAULTS.captionExtension());
        try {
            return new DatasetSidecars(caption, tags.getOrDefault(name, DatasetSidecars.DEFAULTS.tagsExtension()));
        } catch (TaglineException e) {
            throw new TaglineException(e.getMessage().replaceFirst("^(--\\S+) ", "$1 " + name + "="), e.hint(), e);
        }
    }

    private static void requireMediaNames(Map<String, String> byName, String option, Map<String, Path> mediaRoots) {
        for (String name : byName.keySet()) {
            if (!mediaRoots.containsKey(name)) {
                throw new TaglineException(option + " " + name + "=" + byName.get(name) + " names no media folder",
                        "Give --media " + name + "=FOLDER too, or use one of the --media names"
                                + (mediaRoots.isEmpty() ? "" : ": " + String.join(", ",
                                new java.util.TreeSet<>(mediaRoots.keySet()))) + ".");
            }
        }
    }

    /**
     * Refuses media roots that would serve {@code home} ({@code TAGLINE_HOME}): its vault key unseals every stored
     * platform token and its database holds the posts. A home below a hidden folder ({@code ~/.cache/tagline}, the
     * default, under {@code --media all=~}) is never served anyway ({@link MediaRoutes#hidden}).
     */
    public static void requireHomeNotServed(Map<String, Path> mediaRoots, Path home) {
        requireNotServed(mediaRoots, home, "TAGLINE_HOME", "whose secret key and publish database must never be served",
                "move TAGLINE_HOME elsewhere (default ~/.cache/tagline)");
    }

    /** The same for a publish database given with {@code --db jdbc:sqlite:FILE}: its tokens' metadata and posts. */
    public static void requireDatabaseNotServed(Map<String, Path> mediaRoots, String jdbcUrl) {
        if (jdbcUrl != null && jdbcUrl.startsWith("jdbc:sqlite:")) {
            Path file = Path.of(jdbcUrl.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*$", ""));
            requireNotServed(mediaRoots, file, "the publish database", "which must never be served",
                    "keep the database outside the media folders (--db)");
        }
    }

    private static void requireNotServed(Map<String, Path> mediaRoots, Path home, String what, String why,
                                         String fix) {
        Path h = home.toAbsolutePath().normalize();
        for (Map.Entry<String, Path> root : mediaRoots.entrySet()) {
            try {
                Path r = root.getValue().toRealPath();
                Path real = Files.exists(h) ? h.toRealPath() : h;
                if (real.startsWith(r) && !MediaRoutes.hidden(r.relativize(real))) {
                    throw new TaglineException("Media root '" + root.getKey() + "' (" + root.getValue()
                            + ") holds " + what + " (" + home + "), " + why, "Serve a folder that does not contain it,"
                            + " or " + fix + ".");
                }
            } catch (java.io.IOException e) {
                // a missing root: the constructor says so
            }
        }
    }
}
