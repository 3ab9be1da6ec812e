package dev.tagline.cli;

import dev.tagline.core.TaglineException;
import dev.tagline.publish.store.Post;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** How publish commands read and show times: the channel's wall clock unless an offset is given. */
final class PublishTimes {
    private static final DateTimeFormatter SHOW = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");
    private static final DateTimeFormatter SHOW_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SHOW_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    private PublishTimes() {
    }

    /** {@code 2026-12-01T18:00} or {@code 2026-12-01 18:00} in {@code zone}; {@code …Z} / {@code …+01:00} as given. */
    static Instant parse(String text, ZoneId zone) {
        String t = text.strip().replace(' ', 'T');
        try {
            if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(t).toInstant();
            }
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(zone).toInstant();
            }
            return ZonedDateTime.of(LocalDateTime.parse(t), zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new TaglineException("Time '" + text + "' is not understood",
                    "Write 2026-12-01T18:00 (channel's clock), 2026-12-01T17:00Z or 2026-12-01T18:00+01:00"
                            + " (move and queue --at also take 'now', or 18:00 for the next 18:00).", e);
        }
    }

    /**
     * A time a post is to go out: as {@link #parse}; {@code now} (due at once; a running worker sends it); or a time
     * of day alone, {@code 18:00}: the next 18:00 on the channel's clock, today or tomorrow.
     */
    static Instant due(String text, ZoneId zone, java.time.Clock clock) {
        String t = text.strip();
        if (t.equalsIgnoreCase("now")) {
            return clock.instant();
        }
        if (t.matches("\\d{1,2}:\\d{2}")) {
            LocalTime time;
            try {
                time = LocalTime.parse(t.length() == 4 ? "0" + t : t);
            } catch (DateTimeParseException e) {
                throw new TaglineException("Time '" + text + "' is not a time of day", "Write e.g. 18:00 or 09:30.", e);
            }
            ZonedDateTime now = clock.instant().atZone(zone);
            ZonedDateTime at = now.toLocalDate().atTime(time).atZone(zone);
            return (at.isAfter(now) ? at : now.toLocalDate().plusDays(1).atTime(time).atZone(zone)).toInstant();
        }
        return parse(t, zone);
    }

    /**
     * A note when {@code text} (as read by {@link #due} into {@code at}) names a wall-clock time that {@code zone}
     * skips when its clocks spring forward: java.time moves it on by the gap, which the user is told (dogfood round 6,
     * H13: 02:30 in New York on 2027-03-14 became 03:30 without a word). Empty for every other time.
     */
    static Optional<String> skipped(String text, ZoneId zone, Instant at) {
        String t = text.strip().replace(' ', 'T');
        LocalDateTime named;
        try {
            if (t.matches("\\d{1,2}:\\d{2}")) {
                named = at.atZone(zone).toLocalDate().atTime(LocalTime.parse(t.length() == 4 ? "0" + t : t));
            } else if (t.length() > 10 && !t.endsWith("Z") && !t.matches(".*[+-]\\d\\d:\\d\\d$")) {
                named = LocalDateTime.parse(t);
            } else {
                return Optional.empty();
            }
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        if (!zone.getRules().getValidOffsets(named).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(SHOW_LOCAL.format(named) + " does not exist in " + zone + " (the clocks skip that hour"
                + " that day), so the post is set for " + show(at, zone) + ".");
    }

    static String show(Instant at, ZoneId zone) {
        return at == null ? "-" : SHOW.format(at.atZone(zone));
    }

    /** {@link #show} to the second: a retry's time, which is seconds away, not a planned slot. */
    static String showSeconds(Instant at, ZoneId zone) {
        return at == null ? "-" : SHOW_SECONDS.format(at.atZone(zone));
    }

    static String describe(Post post) {
        return post.scheduledAt() == null ? post.state().label()
                : post.state().label() + " for " + show(post.scheduledAt(), post.zone()) + " " + post.zone();
    }
}
