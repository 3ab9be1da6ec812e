package dev.tagline.inference.store;

import dev.tagline.core.TaglineException;
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
 * {@code HF_HUB_OFFLINE}, {@code HF_HUB_DOWNLOAD_TIMEOUT} (seconds without data before a download is resumed).
 *
 * @param modelsDir      Tagline's own cache, {@code $TAGLINE_HOME/models}
 * @param hfCacheDir     an existing Hugging Face cache to reuse (read only)
 * @param hfEndpoint     the Hub, {@code https://huggingface.co} unless {@code HF_ENDPOINT} says otherwise
 * @param hfToken        access token for gated repos, or null
 * @param offline        {@code HF_HUB_OFFLINE}: never contact the Hub
 * @param requestTimeout how long to wait for a server's response headers
 * @param stallTimeout   how long a download may receive no data before it is broken off and resumed
 * @param progress       renders downloads
 */
public record StoreConfig(Path modelsDir, Path hfCacheDir, URI hfEndpoint, String hfToken, boolean offline,
                          Duration requestTimeout, Duration stallTimeout, Progress.Factory progress) {
    /** huggingface_hub {@code constants.ENDPOINT}. */
    public static final URI DEFAULT_ENDPOINT = URI.create("https://huggingface.co");
    /** huggingface_hub {@code _is_true}: the values that switch a boolean variable on. */
    /**
     * A download that received nothing for this long is resumed. huggingface_hub's {@code HF_HUB_DOWNLOAD_TIMEOUT}
     * defaults to 10 s; Tagline waits longer, as a slow mirror or proxy may pause between chunks.
     */
    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(60);
    private static final Set<String> TRUE = Set.of("1", "ON", "YES", "TRUE");

    public StoreConfig {
        Objects.requireNonNull(modelsDir, "modelsDir");
        Objects.requireNonNull(hfCacheDir, "hfCacheDir");
        Objects.requireNonNull(hfEndpoint, "hfEndpoint");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(stallTimeout, "stallTimeout");
        if (stallTimeout.isNegative() || stallTimeout.isZero()) {
            throw new IllegalArgumentException("stallTimeout must be positive, not " + stallTimeout);
        }
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
                Duration.ofSeconds(30), stallTimeout(env.get("HF_HUB_DOWNLOAD_TIMEOUT")), progress);
    }

    public StoreConfig withProgress(Progress.Factory factory) {
        return new StoreConfig(modelsDir, hfCacheDir, hfEndpoint, hfToken, offline, requestTimeout, stallTimeout,
                factory);
    }

    private static Duration stallTimeout(String seconds) {
        if (!nonBlank(seconds)) {
            return DEFAULT_STALL_TIMEOUT;
        }
        double value;
        try {
            value = Double.parseDouble(seconds.strip());
        } catch (NumberFormatException e) {
            throw badStallTimeout(seconds, e);
        }
        if (!(value > 0 && value <= Duration.ofDays(1).toSeconds())) {
            throw badStallTimeout(seconds, null);
        }
        return Duration.ofMillis(Math.round(value * 1000));
    }

    private static TaglineException badStallTimeout(String seconds, Throwable cause) {
        return new TaglineException("HF_HUB_DOWNLOAD_TIMEOUT=" + seconds + " is not a number of seconds above 0",
                "Set HF_HUB_DOWNLOAD_TIMEOUT to the seconds a download may receive nothing before it is resumed "
                        + "(default " + DEFAULT_STALL_TIMEOUT.toSeconds() + "), or unset it.", cause);
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "StoreConfig[modelsDir=" + modelsDir + ", hfCacheDir=" + hfCacheDir + ", hfEndpoint=" + hfEndpoint
                + ", hfToken=" + (hfToken == null ? "none" : "set") + ", offline=" + offline + ", stallTimeout="
                + stallTimeout + "]";
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
