package dev.tagline.web;

import dev.tagline.publish.plan.AutoScheduler;
import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Post;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The other posts that a move, a resend or a retry at a time moved to keep the channel's posting rule: as the API's
 * {@code moved} list ({@link PostScheduleRoutes}) and as the page's words after an action ({@link PostActionRoutes}).
 */
final class MovedPosts {
    private MovedPosts() {
    }

    /**
     * The {@code moved} list of an answer: id, time in UTC and in the channel's zone, {@code previousAt}; {@code at}
     * null and a {@code reason} for one back in the queue.
     */
    static List<Map<String, Object>> moved(AutoScheduler.Plan plan, Channel c) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Post p : plan.placed()) {
            out.add(movedOne(p.id(), p.scheduledAt(), plan.previous().get(p.id()), c));
        }
        for (AutoScheduler.Unplaced u : plan.unplaced()) {
            Map<String, Object> one = movedOne(u.postId(), null, plan.previous().get(u.postId()), c);
            one.put("reason", u.reason());
            out.add(one);
        }
        return out;
    }

    /**
     * The page's words for {@link #moved}, each time in the calendar's zone {@code tz} with the channel's clock beside
     * it ({@link CalendarJson#whenText}); empty when no other post moved.
     */
    static String alsoMoved(AutoScheduler.Plan plan, Channel c, ZoneId tz) {
        List<Map<String, Object>> moved = moved(plan, c);
        if (moved.isEmpty()) {
            return "";
        }
        return " It also moved " + moved.stream().map(m -> "post " + m.get("id") + (m.get("at") == null
                ? " back to the queue (no free slot)" : " to " + CalendarJson.whenText(Instant.parse((String) m.get(
                "at")), tz, c.zone()))).collect(Collectors.joining(", ")) + " to keep the posting rule of " + c.name()
                + ".";
    }

    private static Map<String, Object> movedOne(long id, Instant at, Instant previous, Channel c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", Long.toString(id));
        m.put("at", at == null ? null : at.toString());
        m.put("local", at == null ? null : CalendarJson.localText(at, c.zone()));
        m.put("previousAt", previous == null ? null : previous.toString());
        return m;
    }
}
