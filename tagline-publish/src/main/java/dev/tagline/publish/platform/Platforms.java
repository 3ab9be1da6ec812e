package dev.tagline.publish.platform;

import dev.tagline.core.TaglineException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The platforms this build can publish to, and the channel options each one needs. A new platform is one package
 * with a {@link Publisher} plus a line here.
 */
public final class Platforms {
    /** Platform ids with an adapter in this build. */
    public static final List<String> SUPPORTED = List.of("folder", "webhook", "youtube", "tiktok", "instagram", "facebook", "x", "linkedin",
            "bluesky");
    /** Documented in the publishing reference but without an adapter yet. */
    public static final List<String> PLANNED = List.of("threads");

    private Platforms() {
    }

    /** Completion candidates for picocli. */
    public static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return SUPPORTED.iterator();
        }
    }

    /** The normalised platform id; the error names what is supported and what is not yet. */
    public static String require(String platform) {
        String id = platform.strip().toLowerCase(Locale.ROOT);
        if (SUPPORTED.contains(id)) {
            return id;
        }
        if (PLANNED.contains(id)) {
            throw new TaglineException("Platform '" + id + "' has no adapter in this build yet (issue #9)",
                    "Supported now: " + String.join(", ", SUPPORTED) + ".");
        }
        throw new TaglineException("Unknown platform '" + platform + "'",
                "Use one of: " + String.join(", ", SUPPORTED) + ".");
    }

    /** Checks that a channel of {@code platform} has the options it cannot work without (no name is looked up). */
    public static void validateOptions(String platform, Map<String, String> options) {
        validate(platform, options);
    }

    /**
     * {@link #validateOptions}, and for Instagram also looks up {@code media-base-url}'s host name with
     * {@code resolver} ({@link PublicHostName#require}); the warnings to show (a name that does not resolve).
     */
    public static java.util.List<String> validateOptions(String platform, Map<String, String> options,
                                                         PublicHostName.HostResolver resolver) {
        validate(platform, options);
        return platform.equals("instagram") ? PublicHostName.require(options.get("media-base-url"), "Instagram",
                resolver).stream().toList() : java.util.List.of();
    }

    private static void validate(String platform, Map<String, String> options) {
        switch (platform) {
            case "folder" -> need(platform, options, "path", "the folder to copy clips into, e.g. --option path=/srv/out");
            case "webhook" -> {
                need(platform, options, "url", "where to POST, e.g. --option url=https://example.com/hook");
                need(platform, options, "media-base-url", "the address of 'tagline serve' as the receiver reaches it"
                        + " (it downloads each video from there, under " + VideoLinks.ROUTE + "), e.g. --option"
                        + " media-base-url=https://clips.example.com");
                VideoLinks.requireBase(options.get("media-base-url"));
            }
            case "instagram" -> {
                need(platform, options, "media-base-url", "the public address of 'tagline serve' (Instagram downloads"
                        + " each video from there, under " + VideoLinks.ROUTE + "; never localhost), e.g. --option"
                        + " media-base-url=https://clips.example.com; --account is the Instagram user id");
                VideoLinks.requirePublicBase(options.get("media-base-url"), "Instagram");
            }
            case "tiktok" -> need(platform, options, "privacy-level", "the privacy the creator chose (TikTok's UX rules"
                    + " allow no default): SELF_ONLY, MUTUAL_FOLLOW_FRIENDS, FOLLOWER_OF_CREATOR or PUBLIC_TO_EVERYONE;"
                    + " unaudited apps may only post SELF_ONLY");
            default -> {
            }
        }
    }

    private static void need(String platform, Map<String, String> options, String key, String what) {
        String v = options.get(key);
        if (v == null || v.isBlank()) {
            throw new TaglineException("A " + platform + " channel needs --option " + key + "=…", "Give " + what + ".");
        }
    }
}
