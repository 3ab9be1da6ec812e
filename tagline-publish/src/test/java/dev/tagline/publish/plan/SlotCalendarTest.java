package dev.tagline.publish.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Duration;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlotCalendarTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static PostingRule daily(String times) {
        return new PostingRule(EnumSet.allOf(DayOfWeek.class), PostingRule.parseTimes(times), 1, 7, Duration.ZERO,
                Set.of());
    }

    @Test
    void nineOClockStaysNineOClockAcrossTheSpringChange() {
        PostingRule rule = daily("09:00");
        assertEquals(List.of(Instant.parse("2026-03-28T08:00:00Z")),
                SlotCalendar.slotsOn(rule, BERLIN, LocalDate.of(2026, 3, 28)));
        assertEquals(List.of(Instant.parse("2026-03-29T07:00:00Z")),
                SlotCalendar.slotsOn(rule, BERLIN, LocalDate.of(2026, 3, 29)));
    }

    @Test
    void aTimeInTheSpringGapMovesForwardByTheGapAndCollapsesWithTheNextHour() {
        assertEquals(List.of(Instant.parse("2026-03-29T01:30:00Z")),
                SlotCalendar.slotsOn(daily("02:30"), BERLIN, LocalDate.of(2026, 3, 29)), "02:30 → 03:30 CEST");
        assertEquals(List.of(Instant.parse("2026-03-29T01:30:00Z")),
                SlotCalendar.slotsOn(daily("02:30,03:30"), BERLIN, LocalDate.of(2026, 3, 29)), "one slot, not two");
    }

    @Test
    void aTimeThatHappensTwiceOnTheAutumnChangeIsUsedOnce() {
        List<Instant> slots = SlotCalendar.slotsOn(daily("02:30"), BERLIN, LocalDate.of(2026, 10, 25));
        assertEquals(List.of(Instant.parse("2026-10-25T00:30:00Z")), slots, "first 02:30, in CEST");
        List<Instant> span = SlotCalendar.slotsBetween(daily("02:30"), BERLIN, Instant.parse("2026-10-24T00:00:00Z"),
                Instant.parse("2026-10-27T00:00:00Z"));
        assertEquals(3, span.size());
        assertEquals(Duration.ofHours(25), Duration.between(span.get(1), span.get(2)), "the long day is 25 h");
    }

    @Test
    void blackoutsAndExcludedDaysHaveNoSlots() {
        PostingRule rule = new PostingRule(PostingRule.parseDays("mon-fri"), PostingRule.parseTimes("9:00"), 1, 5,
                Duration.ZERO, PostingRule.parseDates("2026-12-24..2026-12-25"));
        assertEquals(List.of(), SlotCalendar.slotsOn(rule, BERLIN, LocalDate.of(2026, 12, 24)));
        assertEquals(List.of(), SlotCalendar.slotsOn(rule, BERLIN, LocalDate.of(2026, 12, 26)), "a Saturday");
        assertEquals(1, SlotCalendar.slotsOn(rule, BERLIN, LocalDate.of(2026, 12, 23)).size());
    }

    @Test
    void durationsReadTheWayPeopleWriteThem() {
        assertEquals(Duration.ofMinutes(90), SlotCalendar.parseDuration("1h30m"));
        assertEquals(Duration.ofMinutes(45), SlotCalendar.parseDuration("45min"));
        assertEquals(Duration.ofHours(2), SlotCalendar.parseDuration("PT2H"));
    }
}
