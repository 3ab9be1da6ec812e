package dev.tagline.publish.plan;

import dev.tagline.publish.plan.PlatformQuota.Scope;
import dev.tagline.publish.store.Channel;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * The documented posting caps per platform (publishing.md §1, §17.3 rule 9). Where a cap depends on the app's own
 * standing (a YouTube quota extension, a TikTok audit) a channel option overrides it.
 */
public final class PlatformQuotas {
    private static final Duration DAY = Duration.ofHours(24);

    private PlatformQuotas() {
    }

    public static List<PlatformQuota> of(Channel channel) {
        return switch (channel.platform()) {
            // videos.insert = 1,600 of 10,000 units/day per project, reset at midnight Pacific (publishing.md §2)
            case "youtube" -> List.of(new PlatformQuota.DailyReset(intOption(channel, "daily-uploads", 6),
                    ZoneId.of("America/Los_Angeles"), Scope.PLATFORM, "YouTube API quota"));
            // media_publish: 50 posts within a 24 hour moving period (publishing.md §4)
            case "instagram" -> List.of(new PlatformQuota.Rolling(intOption(channel, "posts-per-24h", 50), DAY,
                    Scope.CHANNEL, "Instagram publishing limit"));
            // 30 Reels / 24 h rolling per Page (publishing.md §5)
            case "facebook" -> List.of(new PlatformQuota.Rolling(30, DAY, Scope.CHANNEL, "Facebook Reels limit"));
            case "threads" -> List.of(new PlatformQuota.Rolling(250, DAY, Scope.CHANNEL, "Threads limit"));
            // unaudited clients: max 5 users may post per 24 h (publishing.md §3)
            case "tiktok" -> "true".equals(channel.option("audited", "false")) ? List.of()
                    : List.of(new PlatformQuota.DistinctAccounts(5, DAY, "TikTok unaudited app"));
            // POST /2/tweets: 100 / 15 min per user (publishing.md §6)
            case "x" -> List.of(new PlatformQuota.Rolling(100, Duration.ofMinutes(15), Scope.CHANNEL, "X post limit"));
            default -> List.of();
        };
    }

    private static int intOption(Channel channel, String key, int fallback) {
        String value = channel.option(key, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new dev.tagline.core.TaglineException("Channel '" + channel.name() + "' option " + key + "=" + value
                    + " is not a number", "Set it again with a whole number.", e);
        }
    }
}
