package dev.tagline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PublishTimesTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** Dogfood round 6, H13: {@code move 4 2027-03-14T02:30} in New York became 03:30 without a word. */
    @Test
    void aTimeTheClocksSkipWasMovedSilently_nowANoteSaysWhere() {
        Clock clock = Clock.fixed(Instant.parse("2027-03-10T12:00:00Z"), ZoneOffset.UTC);
        Instant at = PublishTimes.due("2027-03-14T02:30", NEW_YORK, clock);
        assertEquals(Instant.parse("2027-03-14T07:30:00Z"), at, "03:30 EDT");
        assertEquals(Optional.of("2027-03-14 02:30 does not exist in America/New_York (the clocks skip that hour"
                + " that day), so the post is set for 2027-03-14 03:30 -04:00."),
                PublishTimes.skipped("2027-03-14T02:30", NEW_YORK, at));
        // a time of day alone, on the night the clocks spring forward
        Clock night = Clock.fixed(Instant.parse("2027-03-14T05:00:00Z"), ZoneOffset.UTC);
        Instant next = PublishTimes.due("02:30", NEW_YORK, night);
        assertTrue(PublishTimes.skipped("02:30", NEW_YORK, next).isPresent(), next.toString());
    }

    @Test
    void ordinaryTimesOffsetsAndTheRepeatedHourGetNoNote() {
        Clock clock = Clock.fixed(Instant.parse("2027-03-10T12:00:00Z"), ZoneOffset.UTC);
        for (String t : new String[] {"2027-03-14T03:30", "2027-03-14T02:30Z", "2027-03-14T02:30-05:00", "2027-03-14",
                "18:00", "now", "2027-11-07T01:30"}) {
            assertEquals(Optional.empty(), PublishTimes.skipped(t, NEW_YORK, PublishTimes.due(t, NEW_YORK, clock)), t);
        }
    }
}
