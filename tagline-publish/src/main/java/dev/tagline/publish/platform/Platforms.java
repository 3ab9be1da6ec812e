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
                webhookTimeout(options);
            }
            case "instagram" -> {
                need(platform, options, "media-base-url", "the public address of 'tagline serve' (Instagram downloads"
                        + " each video from there, under " + VideoLinks.ROUTE + "; never localhost), e.g. --option"
                        + " media-base-url=https://clips.example.com; --account is the Instagram user id");
                VideoLinks.requirePublicBase(options.get("media-base-url"), "Instagram");
            }
            case "tiktok" -> {
                need(platform, options, "privacy-level", TIKTOK_PRIVACY_HINT);
                tiktokPrivacyLevel(options.get("privacy-level"));
            }
            default -> {
            }
        }
        ChannelOptionKeys.requireKnown(platform, options);
    }

    /** TikTok's {@code privacy_level} values (publishing.md §3, creator_info {@code privacy_level_options}). */
    public static final List<String> TIKTOK_PRIVACY_LEVELS = List.of("SELF_ONLY", "MUTUAL_FOLLOW_FRIENDS",
            "FOLLOWER_OF_CREATOR", "PUBLIC_TO_EVERYONE");
    private static final String TIKTOK_PRIVACY_HINT = "the privacy the creator chose (TikTok's UX rules allow no"
            + " default): SELF_ONLY, MUTUAL_FOLLOW_FRIENDS, FOLLOWER_OF_CREATOR or PUBLIC_TO_EVERYONE; unaudited apps"
            + " may only post SELF_ONLY";

    /**
     * The TikTok privacy level {@code text} names, in TikTok's spelling (case is forgiven: {@code self_only}); any
     * other text is refused here rather than by TikTok when the first post goes out (dogfood round 9 L4).
     */
    public static String tiktokPrivacyLevel(String text) {
        String level = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        if (!TIKTOK_PRIVACY_LEVELS.contains(level)) {
            throw new TaglineException("TikTok privacy level '" + text + "' is not one TikTok accepts",
                    "Give " + TIKTOK_PRIVACY_HINT + ".");
        }
        return level;
    }

    /**
     * {@code options} as a channel stores them: a TikTok privacy level in TikTok's spelling. Call after
     * {@link #validateOptions}.
     */
    public static Map<String, String> normalized(String platform, Map<String, String> options) {
        Map<String, String> out = new java.util.LinkedHashMap<>(options);
        if (platform.equals("tiktok") && out.containsKey("privacy-level")) {
            out.put("privacy-level", tiktokPrivacyLevel(out.get("privacy-level")));
        }
        return out;
    }

    /**
     * True when a create whose answer was lost may simply be sent again: a webhook receiver that dedupes by
     * {@code Idempotency-Key} ({@code --option idempotent=true}). Such an unconfirmed post needs no check by the user;
     * the worker sends it again by itself (dogfood round 8 K5).
     */
    public static boolean resendsSafely(dev.tagline.publish.store.Channel channel) {
        return channel.platform().equals("webhook") && "true".equals(channel.option("idempotent", "false"));
    }

    /** Why sending post {@code postId} again is safe, for a channel that {@link #resendsSafely resends safely}. */
    public static String whyResendIsSafe(long postId) {
        return "safe: the receiver dedupes by Idempotency-Key tagline-post-" + postId;
    }

    /** How long a webhook's create POST waits for the receiver's answer when the channel names no timeout. */
    public static final java.time.Duration WEBHOOK_TIMEOUT = java.time.Duration.ofSeconds(30);

    /**
     * The webhook channel option {@code timeout} ({@code 120s}, {@code 2m}; 1 s to 10 min), else
     * {@link #WEBHOOK_TIMEOUT}. A receiver that works before it answers (n8n "when last node finishes") needs more
     * (dogfood round 8 K6); one that answers at once (202) and works afterwards needs no option.
     */
    public static java.time.Duration webhookTimeout(Map<String, String> options) {
        String text = options.get("timeout");
        if (text == null) {
            return WEBHOOK_TIMEOUT;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,6})\\s*(s|m|min)?")
                .matcher(text.strip().toLowerCase(Locale.ROOT));
        java.time.Duration d = null;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = m.group(2) == null || m.group(2).equals("s") ? java.time.Duration.ofSeconds(n)
                    : java.time.Duration.ofMinutes(n);
        }
        if (d == null || d.compareTo(java.time.Duration.ofSeconds(1)) < 0 || d.compareTo(java.time.Duration.ofMinutes(10)) > 0) {
            throw new TaglineException("--option timeout=" + text + " is not a time from 1s to 10m",
                    "Write it as e.g. --option timeout=120s or --option timeout=2m (how long the POST waits for the"
                            + " receiver's answer; default 30s).");
        }
        return d;
    }

    private static void need(String platform, Map<String, String> options, String key, String what) {
        String v = options.get(key);
        if (v == null || v.isBlank()) {
            throw new TaglineException("A " + platform + " channel needs --option " + key + "=…", "Give " + what + ".");
        }
    }
}
