package dev.tagline.publish.plan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The pure core of auto-scheduling: walks a channel's slots from {@code from} and gives each free one to the next
 * post in {@code queue} (already in score order). A slot is free when no post of the channel is closer than the
 * minimum spacing, the local day and ISO week have room under the rule (posts sent now, outside the plan, count for
 * neither), and every platform quota agrees. No database,
 * no clock: the planner and the benchmark feed it.
 */
final class SlotFiller {
    private static final Duration QUOTA_REACH = Duration.ofDays(3);

    private final PostingRule rule;
    private final ZoneId zone;
    private final long channelId;
    private final List<PlatformQuota> quotas;
    private final TreeSet<Instant> channelTaken = new TreeSet<>();
    private final Map<LocalDate, Integer> perDay = new HashMap<>();
    private final Map<Long, Integer> perWeek = new HashMap<>();
    private final TreeMap<Instant, List<PlatformQuota.Placed>> channelPlaced = new TreeMap<>();
    private final TreeMap<Instant, List<PlatformQuota.Placed>> platformPlaced = new TreeMap<>();
    private String lastRefusal = "";

    SlotFiller(PostingRule rule, ZoneId zone, long channelId, List<PlatformQuota> quotas) {
        this.rule = rule;
        this.zone = zone;
        this.channelId = channelId;
        this.quotas = quotas;
    }

    /** A post already on the calendar of this channel (scheduled, publishing or published). */
    void takenByChannel(Instant at) {
        channelTaken.add(at);
        perDay.merge(day(at), 1, Integer::sum);
        perWeek.merge(week(at), 1, Integer::sum);
        add(channelPlaced, new PlatformQuota.Placed(at, channelId));
        add(platformPlaced, new PlatformQuota.Placed(at, channelId));
    }

    /**
     * A post of this channel the user sent now, outside the plan: the rule's per-day, per-week and spacing do not
     * count it, the platform's caps do (the platform counts every post).
     */
    void sentNow(Instant at) {
        add(channelPlaced, new PlatformQuota.Placed(at, channelId));
        add(platformPlaced, new PlatformQuota.Placed(at, channelId));
    }

    /** A post of another channel on the same platform, for per-app quotas. */
    void takenByPlatform(Instant at, long otherChannel) {
        add(platformPlaced, new PlatformQuota.Placed(at, otherChannel));
    }

    /** Places {@code queue} (ids, best first) into free slots in {@code [from, until)}; returns id → slot. */
    Map<Long, Instant> fill(List<Long> queue, Instant from, Instant until) {
        Map<Long, Instant> placed = new LinkedHashMap<>();
        int next = 0;
        LocalDate last = until.atZone(zone).toLocalDate();
        for (LocalDate d = from.atZone(zone).toLocalDate(); next < queue.size() && !d.isAfter(last); d = d.plusDays(1)) {
            for (Instant slot : SlotCalendar.slotsOn(rule, zone, d)) {
                if (next >= queue.size() || slot.isBefore(from) || !slot.isBefore(until)) {
                    continue;
                }
                if (isFree(slot)) {
                    placed.put(queue.get(next++), slot);
                    takenByChannel(slot);
                }
            }
        }
        return placed;
    }

    /**
     * Whether a post already at {@code at} may stay there beside the posts fed so far; if so it takes its place (as
     * {@link #takenByChannel}), if not it is left out, for the caller to place again.
     */
    boolean keep(Instant at) {
        if (!isFree(at)) {
            return false;
        }
        takenByChannel(at);
        return true;
    }

    /** Why the last refused slot was refused, for the "could not place" message. */
    String lastRefusal() {
        return lastRefusal;
    }

    private boolean isFree(Instant slot) {
        Instant before = channelTaken.floor(slot);
        Instant after = channelTaken.ceiling(slot);
        if ((before != null && Duration.between(before, slot).compareTo(rule.minSpacing()) < 0)
                || (after != null && Duration.between(slot, after).compareTo(rule.minSpacing()) < 0)
                || slot.equals(before)) {
            lastRefusal = "slots closer than --min-spacing to another post";
            return false;
        }
        if (perDay.getOrDefault(day(slot), 0) >= rule.perDay()) {
            lastRefusal = "--per-day " + rule.perDay() + " reached";
            return false;
        }
        if (perWeek.getOrDefault(week(slot), 0) >= rule.perWeek()) {
            lastRefusal = "--per-week " + rule.perWeek() + " reached";
            return false;
        }
        for (PlatformQuota quota : quotas) {
            TreeMap<Instant, List<PlatformQuota.Placed>> scope =
                    quota.scope() == PlatformQuota.Scope.CHANNEL ? channelPlaced : platformPlaced;
            List<PlatformQuota.Placed> nearby = new ArrayList<>();
            scope.subMap(slot.minus(QUOTA_REACH), slot.plus(QUOTA_REACH)).values().forEach(nearby::addAll);
            Optional<String> refusal = quota.refuses(slot, channelId, nearby);
            if (refusal.isPresent()) {
                lastRefusal = refusal.get();
                return false;
            }
        }
        return true;
    }

    private LocalDate day(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    private long week(Instant at) {
        LocalDate d = day(at);
        return d.get(IsoFields.WEEK_BASED_YEAR) * 100L + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    private static void add(TreeMap<Instant, List<PlatformQuota.Placed>> map, PlatformQuota.Placed p) {
        map.computeIfAbsent(p.at(), k -> new ArrayList<>()).add(p);
    }
}
