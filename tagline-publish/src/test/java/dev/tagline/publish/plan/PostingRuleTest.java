package dev.tagline.publish.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.TaglineException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PostingRuleTest {
    private static PostingRule rule(String days, String times, int perDay, int perWeek, String spacing) {
        return new PostingRule(PostingRule.parseDays(days), PostingRule.parseTimes(times), perDay, perWeek,
                SlotCalendar.parseDuration(spacing), Set.of());
    }

    @Test
    void daysParseRangesListsAndWords() {
        assertEquals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), PostingRule.parseDays("mon-fri"));
        assertEquals(EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY),
                PostingRule.parseDays("fri-mon"));
        assertEquals(EnumSet.allOf(DayOfWeek.class), PostingRule.parseDays("daily"));
        assertTrue(assertThrows(TaglineException.class, () -> PostingRule.parseDays("mon,funday")).getMessage()
                .contains("'funday'"));
    }

    @Test
    void moreADayThanTimesIsRefusedWithTheNumbers() {
        TaglineException e = assertThrows(TaglineException.class,
                () -> rule("daily", "09:00,18:00", 3, 21, "0m").validated("yt"));
        assertTrue(e.getMessage().contains("asks for 3 posts a day but gives only 2 time(s)"), e.getMessage());
        assertTrue(e.getMessage().contains("'yt'"), e.getMessage());
    }

    @Test
    void spacingThatLeavesTooFewTimesIsRefused() {
        TaglineException e = assertThrows(TaglineException.class,
                () -> rule("daily", "09:00,10:00,11:00", 2, 14, "3h").validated("yt"));
        assertTrue(e.getMessage().contains("only 1 of the times 09:00,10:00,11:00 can be used"), e.getMessage());
        rule("daily", "09:00,10:00,13:00", 2, 14, "3h").validated("yt");
    }

    @Test
    void aWeekCapAboveWhatTheDaysAllowIsRefused() {
        TaglineException e = assertThrows(TaglineException.class,
                () -> rule("sat-sun", "09:00", 1, 3, "0m").validated("yt"));
        assertTrue(e.getMessage().contains("3 posts a week but 2 day(s) × 1 a day allow only 2"), e.getMessage());
        assertTrue(assertThrows(TaglineException.class, () -> new PostingRule(Set.of(), PostingRule.parseTimes("9:00"),
                1, 1, Duration.ZERO, Set.of()).validated("yt")).getMessage().contains("no day"));
    }
}
