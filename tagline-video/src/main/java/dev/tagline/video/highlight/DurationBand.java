package dev.tagline.video.highlight;

import dev.tagline.core.TaglineException;
import java.time.Duration;
import java.util.Locale;

/**
 * How long a clip may be. Presets follow Vizard's {@code preferLength} buckets (video.md §6): {@code short} under
 * 30 s (from 15 s, OpenShorts' default minimum), {@code medium} 30–60 s, {@code long} 60–90 s. Custom bands are
 * clamped the way OpenShorts' {@code clip_duration_bounds()} does: 5–180 s with at least 5 s between the ends.
 */
public record DurationBand(Duration min, Duration max) {
    static final Duration FLOOR = Duration.ofSeconds(5);
    static final Duration CEILING = Duration.ofSeconds(180);
    static final Duration MIN_GAP = Duration.ofSeconds(5);
    public static final DurationBand SHORT = new DurationBand(Duration.ofSeconds(15), Duration.ofSeconds(30));
    public static final DurationBand MEDIUM = new DurationBand(Duration.ofSeconds(30), Duration.ofSeconds(60));
    public static final DurationBand LONG = new DurationBand(Duration.ofSeconds(60), Duration.ofSeconds(90));

    /** Validates {@code --min}/{@code --max}, naming the bad option. */
    public static DurationBand of(Duration min, Duration max) {
        if (min.compareTo(FLOOR) < 0 || max.compareTo(CEILING) > 0) {
            throw new TaglineException("--min " + min.toSeconds() + " --max " + max.toSeconds()
                    + " is outside 5-180 s", "Give clip lengths between 5 and 180 seconds.");
        }
        if (max.minus(min).compareTo(MIN_GAP) < 0) {
            throw new TaglineException("--max must be at least 5 s above --min (got " + min.toSeconds() + "-"
                    + max.toSeconds() + " s)", "Widen the band, e.g. --min 30 --max 60.");
        }
        return new DurationBand(min, max);
    }

    /** {@code short}, {@code medium} or {@code long}. */
    public static DurationBand preset(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "short" -> SHORT;
            case "medium" -> MEDIUM;
            case "long" -> LONG;
            default -> throw new TaglineException("Unknown length preset '" + name + "'",
                    "Use short (15-30 s), medium (30-60 s) or long (60-90 s), or --min/--max.");
        };
    }

    public boolean contains(Duration d) {
        return d.compareTo(min) >= 0 && d.compareTo(max) <= 0;
    }

    /** The middle of the band: the length the scorer prefers. */
    public Duration target() {
        return min.plus(max).dividedBy(2);
    }
}
