package dev.tagline.publish.plan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A platform cap the planner must respect (publishing.md §17.3 rule 9). Each quota sees the posts already placed in
 * its scope: the channel's own for per-account caps, every channel of the platform for per-app caps.
 */
public sealed interface PlatformQuota {
    /** A post already placed (scheduled or published) at {@code at} on channel {@code channelId}. */
    record Placed(Instant at, long channelId) {
    }

    /** Whether the quota counts one channel's posts or every channel of the platform (one API project). */
    enum Scope {
        CHANNEL, PLATFORM
    }

    Scope scope();

    /** Why a post on {@code channelId} at {@code slot} would exceed the quota, or empty when it fits. */
    Optional<String> refuses(Instant slot, long channelId, List<Placed> placed);

    /** At most {@code max} posts in any window of {@code window} (Instagram 50 / 24 h, Facebook Reels 30 / 24 h). */
    record Rolling(int max, Duration window, Scope scope, String name) implements PlatformQuota {
        @Override
        public Optional<String> refuses(Instant slot, long channelId, List<Placed> placed) {
            for (Placed start : placed) {
                if (fits(start.at(), slot, placed)) {
                    continue;
                }
                return Optional.of(name + ": at most " + max + " posts per " + SlotCalendar.human(window));
            }
            return fits(slot, slot, placed) ? Optional.empty()
                    : Optional.of(name + ": at most " + max + " posts per " + SlotCalendar.human(window));
        }

        private boolean fits(Instant windowStart, Instant slot, List<Placed> placed) {
            Instant windowEnd = windowStart.plus(window);
            if (slot.isBefore(windowStart) || !slot.isBefore(windowEnd)) {
                return true;
            }
            long inWindow = placed.stream().filter(p -> !p.at().isBefore(windowStart) && p.at().isBefore(windowEnd))
                    .count();
            return inWindow + 1 <= max;
        }
    }

    /**
     * At most {@code max} posts per calendar day in {@code zone}: YouTube's project quota resets at midnight Pacific;
     * 10,000 units / 1,600 per {@code videos.insert} ≈ 6 uploads a day for the whole project (publishing.md §2).
     */
    record DailyReset(int max, ZoneId zone, Scope scope, String name) implements PlatformQuota {
        @Override
        public Optional<String> refuses(Instant slot, long channelId, List<Placed> placed) {
            LocalDate day = slot.atZone(zone).toLocalDate();
            long same = placed.stream().filter(p -> p.at().atZone(zone).toLocalDate().equals(day)).count();
            return same < max ? Optional.empty() : Optional.of(name + ": at most " + max + " uploads per day ("
                    + zone.getId() + " calendar day); " + day + " is full");
        }
    }

    /** At most {@code max} distinct accounts posting in any {@code window} (TikTok unaudited apps: 5 users / 24 h). */
    record DistinctAccounts(int max, Duration window, String name) implements PlatformQuota {
        @Override
        public Scope scope() {
            return Scope.PLATFORM;
        }

        @Override
        public Optional<String> refuses(Instant slot, long channelId, List<Placed> placed) {
            Set<Long> accounts = new HashSet<>();
            accounts.add(channelId);
            for (Placed p : placed) {
                if (p.at().isAfter(slot.minus(window)) && p.at().isBefore(slot.plus(window))) {
                    accounts.add(p.channelId());
                }
            }
            return accounts.size() <= max ? Optional.empty() : Optional.of(name + ": at most " + max
                    + " accounts may post per " + SlotCalendar.human(window) + " until the app passes TikTok's audit");
        }
    }
}
