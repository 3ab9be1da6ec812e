package dev.tagline.publish.platform;

import dev.tagline.core.TaglineException;
import dev.tagline.core.text.EditDistance;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The channel option keys each platform reads, so a typo or an option of another platform ({@code timeout} on a
 * folder) is refused at add time with a "did you mean", as config keys are (dogfood round 9 L8). A new option is one
 * more key here beside the code that reads it.
 */
public final class ChannelOptionKeys {
    /** Read for every channel: the worker's parallel publishes ({@code Worker}). */
    private static final List<String> ANY = List.of("concurrency");
    /** The OAuth endpoints, scope and API address a channel may override ({@code OAuthClients}, {@code VaultTokenSource}). */
    private static final List<String> OAUTH = List.of("authorize-url", "token-url", "scope", "api-base");
    /** The platforms connected with the authorization-code flow ({@code OAuthClients.supports}). */
    private static final List<String> OAUTH_PLATFORMS = List.of("youtube", "tiktok", "x", "linkedin");
    private static final Map<String, List<String>> KEYS = Map.of(
            "folder", List.of("path"),
            "webhook", List.of("url", "media-base-url", "idempotent", "timeout"),
            "youtube", List.of("privacy", "daily-uploads", "category-id", "chunk-kib", "native-schedule",
                    "notify-subscribers"),
            "tiktok", List.of("privacy-level", "audited", "chunk-mb"),
            "instagram", List.of("media-base-url", "share-to-feed", "posts-per-24h", "api-base", "refresh-url"),
            "facebook", List.of("api-base"),
            "x", List.of(),
            "linkedin", List.of("linkedin-version"),
            "bluesky", List.of("pds", "video-service"));

    private ChannelOptionKeys() {
    }

    /** The option keys a channel of {@code platform} reads, in the order the docs list them. */
    public static List<String> of(String platform) {
        List<String> own = KEYS.getOrDefault(platform, List.of());
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(own);
        if (OAUTH_PLATFORMS.contains(platform)) {
            all.addAll(OAUTH);
        }
        all.addAll(ANY);
        return List.copyOf(all);
    }

    /** Refuses a key {@code platform} does not read; the error names the nearest known key and all of them. */
    public static void requireKnown(String platform, Map<String, String> options) {
        List<String> known = of(platform);
        for (String key : options.keySet()) {
            if (known.contains(key)) {
                continue;
            }
            String near = known.stream().min(Comparator.comparingInt(k -> EditDistance.between(key, k)))
                    .filter(k -> EditDistance.between(key, k) <= Math.max(2, key.length() / 3))
                    .map(k -> "Did you mean '" + k + "'? ").orElse("");
            throw new TaglineException("A " + platform + " channel has no option '" + key + "'",
                    near + "Its options: " + String.join(", ", known) + " (docs/publish.md).");
        }
    }
}
