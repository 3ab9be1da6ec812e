package dev.tagline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CalendarJsonTest {
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId NY = ZoneId.of("America/New_York");

    /**
     * Dogfood round 7 J3: the retry and resolve messages (and the calendar's toasts, which calendar.js words the same
     * way) gave a time with no zone or a zone for the channel's clock only; each time now names the calendar's zone
     * first and the channel's clock beside it, with its date where the date differs.
     */
    @Test
    void aTimeInAMessageNamesTheCalendarsZoneAndTheChannelsClock() {
        assertEquals("2026-12-01 14:00 UTC (09:00 in America/New_York)",
                CalendarJson.whenText(Instant.parse("2026-12-01T14:00:00Z"), UTC, NY));
        assertEquals("2026-12-02 02:00 UTC (2026-12-01 21:00 in America/New_York)",
                CalendarJson.whenText(Instant.parse("2026-12-02T02:00:00Z"), UTC, NY));
        assertEquals("2026-12-01 09:00 America/New_York",
                CalendarJson.whenText(Instant.parse("2026-12-01T14:00:00Z"), NY, NY));
    }
}
