package dev.tagline.web;

import dev.tagline.core.TaglineException;
import dev.tagline.publish.store.CalendarSlots;
import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Post;
import dev.tagline.publish.store.PostDecisions;
import dev.tagline.publish.store.PostState;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Posts as the calendar sees them. Times go out twice: {@code at} (UTC instant) and {@code start}, the wall-clock
 * time in the display zone without offset, which FullCalendar (running in its UTC mode) shows as is — so any IANA
 * zone works without a date library in the browser, and daylight saving is resolved on the server.
 */
final class CalendarJson {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private CalendarJson() {
    }

    /**
     * The moment a status is judged at, and {@code noWorker}: null while a publish worker runs, else the line that
     * says none does ({@link WorkerLine}), shown on due posts as "waiting for worker"; and {@code broken}: the posts
     * whose clip details cannot be read, with the line each shows ({@code BrokenClips}).
     */
    record Now(Instant at, String noWorker, Map<Long, String> broken) {
        Now(Instant at, String noWorker) {
            this(at, noWorker, Map.of());
        }
    }

    static CalendarSlots.Slot slot(Post p) {
        return new CalendarSlots.Slot(p.id(), p.channelId(), p.title(), p.state(), p.step(), p.scheduledAt(),
                p.externalUrl(), p.lastError());
    }

    static Map<String, Object> event(CalendarSlots.Slot p, Channel c, Collection<Channel> all, ZoneId tz, Now now) {
        String status = status(p, c, now);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", Long.toString(p.id()));
        e.put("title", title(p, c, status));
        e.put("start", p.scheduledAt() == null ? null : LOCAL.format(p.scheduledAt().atZone(tz)));
        e.put("at", p.scheduledAt() == null ? null : p.scheduledAt().toString());
        e.put("color", Platforms.color(c, all));
        e.put("editable", movable(p));
        e.put("extendedProps", Map.of("channel", c.name(), "platform", c.platform(), "status", status,
                "url", p.externalUrl() == null ? "" : p.externalUrl(), "reason", reason(p, c, now)));
        return e;
    }

    /** The same events as {@link #event}, streamed: a week or list view may hold thousands of them. */
    static void write(JsonGenerator g, List<CalendarSlots.Slot> slots, Map<Long, Channel> channels, ZoneId tz, Now now)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("zone", tz.getId());
        g.writeArrayFieldStart("events");
        for (CalendarSlots.Slot p : slots) {
            writeEvent(g, p, channels.get(p.channelId()), channels.values(), tz, now);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("more");
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * A dense month: the first posts of each day as events and how many more each day holds under {@code more}
     * ({@code date} in {@code tz}, {@code count}). A month grid shows three events a day before "+N more", so this is
     * a few hundred events instead of megabytes of JSON.
     */
    static void writeDays(JsonGenerator g, List<CalendarSlots.Day> days, Map<Long, Channel> channels, ZoneId tz, Now now)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("zone", tz.getId());
        g.writeArrayFieldStart("events");
        for (CalendarSlots.Day day : days) {
            for (CalendarSlots.Slot p : day.first()) {
                writeEvent(g, p, channels.get(p.channelId()), channels.values(), tz, now);
            }
        }
        g.writeEndArray();
        g.writeArrayFieldStart("more");
        for (CalendarSlots.Day day : days) {
            if (day.total() > day.first().size()) {
                g.writeStartObject();
                g.writeStringField("date", day.start().atZone(tz).toLocalDate().toString());
                g.writeNumberField("count", day.total() - day.first().size());
                g.writeEndObject();
            }
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Days of {@code tz} covering {@code [from, to)}: each local midnight inside, with {@code from} and {@code to}. */
    static List<Instant> dayBounds(Instant from, Instant to, ZoneId tz) {
        List<Instant> bounds = new java.util.ArrayList<>();
        bounds.add(from);
        for (LocalDate d = from.atZone(tz).toLocalDate().plusDays(1); ; d = d.plusDays(1)) {
            Instant midnight = d.atStartOfDay(tz).toInstant();
            if (!midnight.isBefore(to)) {
                break;
            }
            bounds.add(midnight);
        }
        bounds.add(to);
        return bounds;
    }

    private static void writeEvent(JsonGenerator g, CalendarSlots.Slot p, Channel c, Collection<Channel> all, ZoneId tz,
                                   Now now)
            throws IOException {
        if (c == null) {
            return;
        }
        LocalDateTime local = LocalDateTime.ofInstant(p.scheduledAt(), tz);
        String status = status(p, c, now);
        g.writeStartObject();
        g.writeStringField("id", Long.toString(p.id()));
        g.writeStringField("title", title(p, c, status));
        g.writeStringField("start", LOCAL.format(local));
        g.writeStringField("at", p.scheduledAt().toString());
        g.writeStringField("color", Platforms.color(c, all));
        g.writeBooleanField("editable", movable(p));
        g.writeObjectFieldStart("extendedProps");
        g.writeStringField("channel", c.name());
        g.writeStringField("platform", c.platform());
        g.writeStringField("status", status);
        g.writeStringField("url", p.externalUrl() == null ? "" : p.externalUrl());
        g.writeStringField("reason", reason(p, c, now));
        g.writeEndObject();
        g.writeEndObject();
    }

    /**
     * A toast's time, as {@code calendar.js} writes it: {@code 2026-12-03 10:00 UTC (05:00 in America/New_York)}, the
     * calendar's zone {@code tz} first and the channel's clock where that differs (with its date when that differs).
     */
    static String whenText(Instant at, ZoneId tz, ZoneId channel) {
        String here = localText(at, tz);
        if (channel.getId().equals(tz.getId())) {
            return here + " " + tz.getId();
        }
        String there = localText(at, channel);
        return here + " " + tz.getId() + " (" + (there.substring(0, 10).equals(here.substring(0, 10))
                ? there.substring(11) : there) + " in " + channel.getId() + ")";
    }

    /** {@code at} on the clock of {@code zone}, 24 h: {@code 2026-11-30 09:00}, as the page shows it. */
    static String localText(Instant at, ZoneId zone) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", java.util.Locale.ROOT)
                .format(at.atZone(zone));
    }

    static Map<String, Object> detail(Post p, Channel c, Collection<Channel> all, ZoneId tz, Now now) {
        Platforms style = Platforms.of(c.platform());
        Map<String, Object> d = new LinkedHashMap<>(event(slot(p), c, all, tz, now));
        d.put("postTitle", p.title() == null ? "" : p.title());
        d.put("caption", p.caption() == null ? "" : p.caption());
        d.put("channelZone", c.zone().getId());
        d.put("limits", Map.of("title", style.titleMax(), "caption", style.captionMax(), "hashtags", style.hashtagsMax()));
        d.put("movable", movable(slot(p)));
        d.put("copyEdited", p.copyEdited());
        // the create call's answer was lost: the editor asks the user what they found on the platform, unless the
        // receiver dedupes and the worker sends it again by itself (dogfood round 8 K5)
        boolean resends = resendsItself(p.state(), c) && p.dueAt() != null;
        d.put("resolvable", p.state() == PostState.UNCONFIRMED && !resends);
        if (resends) {
            d.put("resending", Map.of("at", whenText(p.dueAt(), tz, c.zone()), "why",
                    dev.tagline.publish.platform.Platforms.whyResendIsSafe(p.id())));
        }
        if (p.state() == PostState.FAILED) {
            // the publish engine's exactly-once rule, the one 'publish queue' applies when it re-queues a failed post
            java.util.Optional<String> unsafe = PostDecisions.whyNotSentAgain(p, c.platform());
            d.put("retry", Map.of("offered", unsafe.isEmpty(), "why", unsafe.map(why -> "Retry is not offered: it "
                    + why + ", so sending it again could post it twice. " + PostDecisions.sentAgainHint(c.platform()))
                    .orElse("")));
        }
        return d;
    }

    private static String title(CalendarSlots.Slot p, Channel c, String status) {
        return c.name() + " · " + (p.title() == null || p.title().isBlank() ? "post " + p.id() : p.title()) + " · "
                + status;
    }

    /**
     * broken (its clip details cannot be read), scheduled, waiting for worker (due, and no publish worker runs),
     * retrying (a try failed and another is planned),
     * publishing, published, failed, unconfirmed, queued, cancelled, needs reconnect or needs connect.
     */
    static String status(CalendarSlots.Slot p, Channel c, Now now) {
        if (broken(p, now)) {
            return "broken";
        }
        if (c.state() == Channel.State.NEEDS_RECONNECT && !p.state().isFinal()) {
            return "needs reconnect";
        }
        if (c.state() == Channel.State.NEEDS_CONNECT && !p.state().isFinal()) {
            return "needs connect";
        }
        if (waitingForWorker(p, now)) {
            return "waiting for worker";
        }
        if (p.state() == PostState.SCHEDULED && p.lastError() != null || resendsItself(p.state(), c)) {
            return "retrying";
        }
        return p.state().label();
    }

    /** Found broken, and still waiting to be sent (the list may be older than the post's state). */
    private static boolean broken(CalendarSlots.Slot p, Now now) {
        return now.broken().containsKey(p.id()) && (p.state() == PostState.QUEUED || p.state() == PostState.SCHEDULED);
    }

    private static boolean waitingForWorker(CalendarSlots.Slot p, Now now) {
        // an unconfirmed post waits for the user's answer (Posted / Not posted) as much as for a worker's reconciler
        return now.noWorker() != null && p.state() == PostState.SCHEDULED
                && p.scheduledAt() != null && !p.scheduledAt().isAfter(now.at());
    }

    private static String reason(CalendarSlots.Slot p, Channel c, Now now) {
        if (broken(p, now)) {
            return now.broken().get(p.id());
        }
        if (c.state() == Channel.State.NEEDS_RECONNECT && !p.state().isFinal()) {
            return c.stateReason() == null ? "the channel needs reconnecting" : c.stateReason();
        }
        if (c.state() == Channel.State.NEEDS_CONNECT && !p.state().isFinal()) {
            return "the channel is not connected yet: open Channels and click Connect";
        }
        String last = p.lastError() == null ? "" : p.lastError();
        if (waitingForWorker(p, now)) {
            return now.noWorker() + (last.isEmpty() ? "" : " The last try: " + last);
        }
        return p.state() == PostState.FAILED || p.state() == PostState.UNCONFIRMED || p.state() == PostState.SCHEDULED
                ? last : "";
    }

    /** An unconfirmed post that the worker sends again by itself, safely (a receiver that dedupes). */
    static boolean resendsItself(PostState state, Channel c) {
        return state == PostState.UNCONFIRMED && dev.tagline.publish.platform.Platforms.resendsSafely(c);
    }

    static boolean movable(CalendarSlots.Slot p) {
        return (p.state() == PostState.QUEUED || p.state() == PostState.SCHEDULED) && p.step() == Post.Step.UPLOAD;
    }

    static ZoneId zone(String tz, ZoneId fallback) {
        if (tz == null || tz.isBlank()) {
            return fallback;
        }
        try {
            return ZoneId.of(tz);
        } catch (DateTimeException e) {
            throw new TaglineException("Unknown time zone '" + tz + "'", "Use an IANA zone such as Europe/Berlin or UTC.");
        }
    }

    /** {@code 2026-12-01}, {@code 2026-12-01T09:00[:00]} (wall clock in {@code tz}), or with {@code Z}/offset. */
    static Instant time(String text, ZoneId tz, String what) {
        if (text == null || text.isBlank()) {
            throw new TaglineException("Missing " + what, "Give it as 2026-12-01T09:00 (in the chosen time zone).");
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(tz).toInstant();
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text).atZone(tz).toInstant();
        } catch (DateTimeException e) {
            throw new TaglineException("Cannot read " + what + " '" + text + "'",
                    "Give it as 2026-12-01T09:00 (in the chosen time zone) or with Z.");
        }
    }
}
