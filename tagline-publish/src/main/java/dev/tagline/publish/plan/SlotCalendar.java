package dev.tagline.publish.plan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Expands a {@link PostingRule}'s local times into instants, one day at a time, with {@link ZonedDateTime} doing the
 * daylight-saving arithmetic: a time that does not exist on a spring-forward day (02:30 in Berlin) moves forward by
 * the length of the gap (03:30), a time that happens twice on a fall-back day is used once (its first occurrence),
 * and two local times that land on the same instant give one slot.
 */
public final class SlotCalendar {
    private SlotCalendar() {
    }

    /** The slots of {@code date} in {@code zone} under {@code rule}, ascending; none on excluded or blackout days. */
    public static List<Instant> slotsOn(PostingRule rule, ZoneId zone, LocalDate date) {
        if (!rule.days().contains(date.getDayOfWeek()) || rule.blackouts().contains(date)) {
            return List.of();
        }
        TreeSet<Instant> slots = new TreeSet<>();
        for (LocalTime time : rule.times()) {
            slots.add(ZonedDateTime.of(date, time, zone).toInstant());
        }
        return new ArrayList<>(slots);
    }

    /** All slots in {@code [from, to)}, ascending. */
    public static List<Instant> slotsBetween(PostingRule rule, ZoneId zone, Instant from, Instant to) {
        List<Instant> all = new ArrayList<>();
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate d = from.atZone(zone).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
            for (Instant slot : slotsOn(rule, zone, d)) {
                if (!slot.isBefore(from) && slot.isBefore(to)) {
                    all.add(slot);
                }
            }
        }
        return all;
    }

    /** {@code 2 h}, {@code 90 min}, {@code 0 min}. */
    static String human(Duration d) {
        return d.toMinutes() % 60 == 0 && d.toMinutes() > 0 ? d.toHours() + " h" : d.toMinutes() + " min";
    }

    /** {@code 2h}, {@code 90m}, {@code 1h30m}, {@code 45min}, or ISO {@code PT2H}. */
    public static Duration parseDuration(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT).replace(" ", "");
        try {
            if (t.startsWith("pt") || t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(java.util.Locale.ROOT));
            }
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m(?:in)?)?").matcher(t);
            if (!t.isEmpty() && m.matches()) {
                return Duration.ofDays(num(m.group(1))).plusHours(num(m.group(2))).plusMinutes(num(m.group(3)));
            }
        } catch (java.time.format.DateTimeParseException e) {
            throw badDuration(text, e);
        }
        throw badDuration(text, null);
    }

    private static dev.tagline.core.TaglineException badDuration(String text, Exception cause) {
        return new dev.tagline.core.TaglineException("Duration '" + text + "' is not understood",
                "Write e.g. 90m, 2h, 1h30m or 1d.", cause);
    }

    private static long num(String group) {
        return group == null ? 0 : Long.parseLong(group);
    }
}
