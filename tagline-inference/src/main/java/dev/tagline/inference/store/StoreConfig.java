package dev.tagline.inference.store;

import dev.tagline.core.config.TaglineHome;
import dev.tagline.core.progress.Progress;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where the store keeps and finds models and how it may reach the network. {@link #fromEnvironment} reads the same
 * variables as huggingface_hub ({@code constants.py}): {@code HF_HUB_CACHE}, {@code HF_HOME}, {@code HF_ENDPOINT},
 * {@code HF_TOKEN} (else the token file {@code $HF_HOME/token} that {@code hf auth login} writes),
 * {@code HF_HUB_OFFLINE}.
 *
 * @param modelsDir      Tagline's own cache, {@code $TAGLINE_HOME/models}
 * @param hfCacheDir     an existing Hugging Face cache to reuse (read only)
 * @param hfEndpoint     the Hub, {@code https://huggingface.co} unless {@code HF_ENDPOINT} says otherwise
 * @param hfToken        access token for gated repos, or null
 * @param offline        {@code HF_HUB_OFFLINE}: never contact the Hub
 * @param requestTimeout how long to wait for a server's response headers
 * @param progress       renders downloads
 */
public record StoreConfig(Path modelsDir, Path hfCacheDir, URI hfEndpoint, String hfToken, boolean offline,
                          Duration requestTimeout, Progress.Factory progress) {
    /** huggingface_hub {@code constants.ENDPOINT}. */
    public static final URI DEFAULT_ENDPOINT = URI.create("https://huggingface.co");
    /** huggingface_hub {@code _is_true}: the values that switch a boolean variable on. */
    private static final Set<String> TRUE = Set.of("1", "ON", "YES", "TRUE");

    public StoreConfig {
        Objects.requireNonNull(modelsDir, "modelsDir");
        Objects.requireNonNull(hfCacheDir, "hfCacheDir");
        Objects.requireNonNull(hfEndpoint, "hfEndpoint");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        progress = progress == null ? Progress.Factory.NONE : progress;
        hfToken = hfToken == null || hfToken.isBlank() ? null : hfToken.strip();
    }

    public static StoreConfig fromEnvironment(Map<String, String> env, Progress.Factory progress) {
        Path hfHome = hfHome(env);
        Path hubCache = nonBlank(env.get("HF_HUB_CACHE")) ? Path.of(env.get("HF_HUB_CACHE"))
                : nonBlank(env.get("HUGGINGFACE_HUB_CACHE")) ? Path.of(env.get("HUGGINGFACE_HUB_CACHE"))
                : hfHome.resolve("hub");
        String endpoint = nonBlank(env.get("HF_ENDPOINT")) ? env.get("HF_ENDPOINT").strip().replaceAll("/+$", "")
                : DEFAULT_ENDPOINT.toString();
        return new StoreConfig(TaglineHome.fromEnvironment(env).models(), hubCache.toAbsolutePath().normalize(),
                URI.create(endpoint), token(env, hfHome), isTrue(env.get("HF_HUB_OFFLINE")),
                Duration.ofSeconds(30), progress);
    }

    public StoreConfig withProgress(Progress.Factory factory) {
        return new StoreConfig(modelsDir, hfCacheDir, hfEndpoint, hfToken, offline, requestTimeout, factory);
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "StoreConfig[modelsDir=" + modelsDir + ", hfCacheDir=" + hfCacheDir + ", hfEndpoint=" + hfEndpoint
                + ", hfToken=" + (hfToken == null ? "none" : "set") + ", offline=" + offline + "]";
    }

    private static Path hfHome(Map<String, String> env) {
        if (nonBlank(env.get("HF_HOME"))) {
            return Path.of(env.get("HF_HOME"));
        }
        String xdg = env.get("XDG_CACHE_HOME");
        String base = nonBlank(xdg) ? xdg : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")),
                ".cache").toString();
        return Path.of(base, "huggingface");
    }

    private static String token(Map<String, String> env, Path hfHome) {
        for (String name : new String[] {"HF_TOKEN", "HUGGING_FACE_HUB_TOKEN"}) {
            if (nonBlank(env.get(name))) {
                return env.get(name);
            }
        }
        Path file = nonBlank(env.get("HF_TOKEN_PATH")) ? Path.of(env.get("HF_TOKEN_PATH")) : hfHome.resolve("token");
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : null;
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(StoreConfig.class)
                    .debug("token file {} unreadable; continuing without a token", file, e);
            return null;
        }
    }

    static boolean isTrue(String value) {
        return value != null && TRUE.contains(value.strip().toUpperCase(Locale.ROOT));
    }

    private static boolean nonBlank(String s) {
        return s != null && !s.isBlank();
    }
}
