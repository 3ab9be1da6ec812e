package dev.tagline.publish.plan;

import dev.tagline.core.TaglineException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * When a channel may post, on its own wall clock: allowed days, times of day, at most {@code perDay} a day and
 * {@code perWeek} an ISO week, at least {@code minSpacing} between two posts, never on a blackout date. Times are
 * local; expanding them to instants is {@link SlotCalendar}'s job, so a rule means the same in summer and winter.
 */
public record PostingRule(Set<DayOfWeek> days, List<LocalTime> times, int perDay, int perWeek, Duration minSpacing,
                          Set<LocalDate> blackouts) {
    public PostingRule {
        days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
        times = List.copyOf(new TreeSet<>(times));
        blackouts = Set.copyOf(blackouts);
    }

    /**
     * A rule from its text form, as {@code publish rules set} and the web app's Channels page take it: {@code perDay}
     * null means one post per time of day, {@code perWeek} null no weekly cap beyond days × perDay, {@code minSpacing}
     * blank none, {@code blackout} blank none. Not yet {@link #validated}.
     */
    public static PostingRule of(String days, String times, Integer perDay, Integer perWeek, String minSpacing,
                                 String blackout) {
        List<LocalTime> timeList = parseTimes(times);
        Set<DayOfWeek> dayset = parseDays(days);
        int day = perDay == null ? new TreeSet<>(timeList).size() : perDay;
        int week = perWeek == null ? dayset.size() * day : perWeek;
        return new PostingRule(dayset, timeList, day, week, minSpacing == null || minSpacing.isBlank() ? Duration.ZERO
                : SlotCalendar.parseDuration(minSpacing), parseDates(blackout));
    }

    /**
     * Checks that the rule can ever be met and says why not: e.g. more posts a day than times, or a spacing that
     * leaves too few usable times.
     */
    public PostingRule validated(String channel) {
        String where = "Posting rule for channel '" + channel + "'";
        if (days.isEmpty()) {
            throw new TaglineException(where + " allows no day of the week", "Give --days, e.g. mon-fri or daily.");
        }
        if (times.isEmpty()) {
            throw new TaglineException(where + " has no time of day", "Give --times, e.g. 09:00,18:30.");
        }
        if (perDay < 1 || perWeek < 1) {
            throw new TaglineException(where + ": --per-day and --per-week must be at least 1", "");
        }
        if (minSpacing.isNegative() || minSpacing.compareTo(Duration.ofDays(7)) >= 0) {
            throw new TaglineException(where + ": --min-spacing " + SlotCalendar.human(minSpacing)
                    + " must be between 0 and 7 days", "");
        }
        if (perDay > times.size()) {
            throw new TaglineException(where + " asks for " + perDay + " posts a day but gives only " + times.size()
                    + " time(s) of day (" + timesText() + ")", "Add times with --times, or lower --per-day.");
        }
        int usable = usableTimesPerDay();
        if (usable < perDay) {
            throw new TaglineException(where + ": with --min-spacing " + SlotCalendar.human(minSpacing) + " only "
                    + usable + " of the times " + timesText() + " can be used on one day, fewer than --per-day "
                    + perDay, "Spread the times further apart, shorten --min-spacing, or lower --per-day.");
        }
        if (perWeek > days.size() * perDay && perWeek != Integer.MAX_VALUE) {
            throw new TaglineException(where + " asks for " + perWeek + " posts a week but " + days.size()
                    + " day(s) × " + perDay + " a day allow only " + days.size() * perDay,
                    "Allow more days or posts a day, or lower --per-week.");
        }
        return this;
    }

    /** The most times of one day that keep the minimum spacing (greedy from the earliest is optimal here). */
    public int usableTimesPerDay() {
        int count = 0;
        LocalTime last = null;
        for (LocalTime t : times) {
            if (last == null || Duration.between(last, t).compareTo(minSpacing) >= 0) {
                count++;
                last = t;
            }
        }
        return count;
    }

    public String timesText() {
        return times.stream().map(LocalTime::toString).collect(Collectors.joining(","));
    }

    /** Days as stored and shown: {@code MON,TUE,…}. */
    public String daysText() {
        return days.stream().sorted().map(d -> d.name().substring(0, 3)).collect(Collectors.joining(","));
    }

    public String blackoutsText() {
        return new TreeSet<>(blackouts).stream().map(LocalDate::toString).collect(Collectors.joining(","));
    }

    /** {@code daily}, {@code weekdays}, {@code weekends}, {@code mon-fri}, {@code mon,wed,fri}. */
    public static Set<DayOfWeek> parseDays(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        switch (t) {
            case "daily", "all", "every-day" -> {
                return EnumSet.allOf(DayOfWeek.class);
            }
            case "weekdays" -> {
                return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
            }
            case "weekends" -> {
                return EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            }
            default -> {
                Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                for (String part : t.split(",")) {
                    String[] range = part.strip().split("-");
                    DayOfWeek from = day(range[0], text);
                    DayOfWeek to = range.length > 1 ? day(range[1], text) : from;
                    for (DayOfWeek d = from; ; d = d.plus(1)) {
                        days.add(d);
                        if (d == to) {
                            break;
                        }
                    }
                }
                return days;
            }
        }
    }

    private static DayOfWeek day(String abbrev, String whole) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().toLowerCase(java.util.Locale.ROOT).startsWith(abbrev.strip()) && abbrev.strip().length() >= 2) {
                return d;
            }
        }
        throw new TaglineException("Unknown day '" + abbrev + "' in '" + whole + "'",
                "Use mon, tue, wed, thu, fri, sat, sun, ranges like mon-fri, or daily/weekdays/weekends.");
    }

    /** {@code 09:00,18:30}. */
    public static List<LocalTime> parseTimes(String text) {
        List<LocalTime> times = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                times.add(LocalTime.parse(part.strip().length() == 4 ? "0" + part.strip() : part.strip()));
            } catch (java.time.format.DateTimeParseException e) {
                throw new TaglineException("Time of day '" + part.strip() + "' is not HH:MM", "Write e.g. 09:00,18:30.");
            }
        }
        return times;
    }

    /** {@code 2026-12-24,2026-12-30..2027-01-02}. */
    public static Set<LocalDate> parseDates(String text) {
        Set<LocalDate> dates = new TreeSet<>();
        if (text == null || text.isBlank()) {
            return dates;
        }
        for (String part : text.split(",")) {
            try {
                String[] range = part.strip().split("\\.\\.");
                LocalDate from = LocalDate.parse(range[0].strip());
                LocalDate to = range.length > 1 ? LocalDate.parse(range[1].strip()) : from;
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    dates.add(d);
                }
            } catch (java.time.format.DateTimeParseException e) {
                throw new TaglineException("Blackout date '" + part.strip() + "' is not YYYY-MM-DD or a range A..B",
                        "Write e.g. 2026-12-24,2026-12-30..2027-01-02.");
            }
        }
        return dates;
    }
}
