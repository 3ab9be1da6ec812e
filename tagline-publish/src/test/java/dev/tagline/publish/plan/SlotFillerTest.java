package dev.tagline.publish.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SlotFillerTest {
    static final Instant MON = Instant.parse("2026-11-30T00:00:00Z");
    static final ZoneId UTC = ZoneOffset.UTC;

    private static PostingRule rule(String times, int perDay, int perWeek, String spacing) {
        return new PostingRule(PostingRule.parseDays("daily"), PostingRule.parseTimes(times), perDay, perWeek,
                SlotCalendar.parseDuration(spacing), Set.of());
    }

    private static List<Long> ids(int n) {
        return LongStream.rangeClosed(1, n).boxed().toList();
    }

    @Test
    void fillsInQueueOrderAndRespectsPerDay() {
        SlotFiller f = new SlotFiller(rule("09:00,13:00,18:00", 2, 14, "0m"), UTC, 1, List.of());
        Map<Long, Instant> placed = f.fill(ids(4), MON, MON.plus(Duration.ofDays(30)));
        assertEquals(List.of(Instant.parse("2026-11-30T09:00:00Z"), Instant.parse("2026-11-30T13:00:00Z"),
                Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-01T13:00:00Z")),
                new ArrayList<>(placed.values()));
        assertEquals(List.of(1L, 2L, 3L, 4L), new ArrayList<>(placed.keySet()));
    }

    @Test
    void neverCollidesWithAPostThatIsAlreadyThereOrTooClose() {
        SlotFiller f = new SlotFiller(rule("09:00,10:00,18:00", 3, 21, "2h"), UTC, 1, List.of());
        f.takenByChannel(Instant.parse("2026-11-30T09:30:00Z"));
        Map<Long, Instant> placed = f.fill(ids(2), MON, MON.plus(Duration.ofDays(1)));
        assertEquals(List.of(Instant.parse("2026-11-30T18:00:00Z")), new ArrayList<>(placed.values()));
        assertTrue(f.lastRefusal().contains("--min-spacing") || f.lastRefusal().contains("per-day"),
                f.lastRefusal());
    }

    @Test
    void perWeekCountsIsoWeeksOnTheChannelsClock() {
        SlotFiller f = new SlotFiller(rule("09:00", 1, 3, "0m"), UTC, 1, List.of());
        Map<Long, Instant> placed = f.fill(ids(4), MON, MON.plus(Duration.ofDays(14)));
        assertEquals(Instant.parse("2026-12-07T09:00:00Z"), placed.get(4L), "the 4th waits for next Monday");
    }

    @Test
    void instagramRollingCapHoldsInEveryTwentyFourHours() {
        PlatformQuota ig = new PlatformQuota.Rolling(2, Duration.ofHours(24), PlatformQuota.Scope.CHANNEL, "IG");
        SlotFiller f = new SlotFiller(rule("06:00,12:00,23:00", 3, 21, "0m"), UTC, 1, List.of(ig));
        Map<Long, Instant> placed = f.fill(ids(4), MON, MON.plus(Duration.ofDays(5)));
        List<Instant> times = new ArrayList<>(placed.values());
        for (Instant t : times) {
            long inWindow = times.stream().filter(o -> !o.isBefore(t) && o.isBefore(t.plus(Duration.ofHours(24))))
                    .count();
            assertTrue(inWindow <= 2, "window from " + t + " holds " + inWindow + ": " + times);
        }
        assertEquals(Instant.parse("2026-11-30T06:00:00Z"), times.get(0));
        assertEquals(Instant.parse("2026-12-01T06:00:00Z"), times.get(2), "12:00 and 23:00 on day 1 → 06:00 day 2");
    }

    @Test
    void youtubeProjectQuotaIsSharedByChannelsAndResetsAtPacificMidnight() {
        PlatformQuota yt = new PlatformQuota.DailyReset(2, ZoneId.of("America/Los_Angeles"),
                PlatformQuota.Scope.PLATFORM, "YouTube API quota");
        SlotFiller f = new SlotFiller(rule("09:00,12:00,15:00", 3, 21, "0m"), UTC, 1, List.of(yt));
        f.takenByPlatform(Instant.parse("2026-11-30T10:00:00Z"), 2);
        Map<Long, Instant> placed = f.fill(ids(2), Instant.parse("2026-11-30T08:30:00Z"), MON.plus(Duration.ofDays(3)));
        // 09:00Z Nov 30 is Nov 30 01:00 Pacific (other channel's 10:00Z is 02:00 Pacific): one left that day
        assertEquals(Instant.parse("2026-11-30T09:00:00Z"), placed.get(1L));
        assertEquals(Instant.parse("2026-12-01T09:00:00Z"), placed.get(2L), "Dec 1 Pacific starts at 08:00Z");
        assertTrue(f.lastRefusal().contains("YouTube API quota"), f.lastRefusal());
    }

    @Test
    void tiktokUnauditedAppLetsFiveAccountsPostPerDay() {
        PlatformQuota tt = new PlatformQuota.DistinctAccounts(5, Duration.ofHours(24), "TikTok unaudited app");
        SlotFiller f = new SlotFiller(rule("12:00", 1, 7, "0m"), UTC, 6, List.of(tt));
        for (long other = 1; other <= 5; other++) {
            f.takenByPlatform(Instant.parse("2026-11-30T10:00:00Z"), other);
        }
        Map<Long, Instant> placed = f.fill(ids(1), MON, MON.plus(Duration.ofDays(3)));
        assertEquals(Instant.parse("2026-12-01T12:00:00Z"), placed.get(1L));
    }
}
