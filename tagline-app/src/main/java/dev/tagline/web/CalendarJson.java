package dev.tagline.web;

import dev.tagline.core.TaglineException;
import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Post;
import dev.tagline.publish.store.PostState;
import dev.tagline.publish.store.PostStore;
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

    static PostStore.Slot slot(Post p) {
        return new PostStore.Slot(p.id(), p.channelId(), p.title(), p.state(), p.step(), p.scheduledAt(),
                p.externalUrl(), p.lastError());
    }

    static Map<String, Object> event(PostStore.Slot p, Channel c, ZoneId tz) {
        Platforms style = Platforms.of(c.platform());
        String status = status(p, c);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", Long.toString(p.id()));
        e.put("title", title(p, c, status));
        e.put("start", p.scheduledAt() == null ? null : LOCAL.format(p.scheduledAt().atZone(tz)));
        e.put("at", p.scheduledAt() == null ? null : p.scheduledAt().toString());
        e.put("color", style.color());
        e.put("editable", movable(p));
        e.put("extendedProps", Map.of("channel", c.name(), "platform", c.platform(), "status", status,
                "url", p.externalUrl() == null ? "" : p.externalUrl(), "reason", reason(p, c)));
        return e;
    }

    /** The same events as {@link #event}, streamed: the month view may hold 10,000 of them. */
    static void write(JsonGenerator g, List<PostStore.Slot> slots, Map<Long, Channel> channels, ZoneId tz)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("zone", tz.getId());
        g.writeArrayFieldStart("events");
        for (PostStore.Slot p : slots) {
            Channel c = channels.get(p.channelId());
            if (c == null) {
                continue;
            }
            String status = status(p, c);
            String color = Platforms.of(c.platform()).color();
            g.writeStartObject();
            g.writeStringField("id", Long.toString(p.id()));
            g.writeStringField("title", title(p, c, status));
            g.writeStringField("start", LOCAL.format(p.scheduledAt().atZone(tz)));
            g.writeStringField("at", p.scheduledAt().toString());
            g.writeStringField("color", color);
            g.writeBooleanField("editable", movable(p));
            g.writeObjectFieldStart("extendedProps");
            g.writeStringField("channel", c.name());
            g.writeStringField("platform", c.platform());
            g.writeStringField("status", status);
            g.writeStringField("url", p.externalUrl() == null ? "" : p.externalUrl());
            g.writeStringField("reason", reason(p, c));
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    static Map<String, Object> detail(Post p, Channel c, ZoneId tz) {
        Platforms style = Platforms.of(c.platform());
        Map<String, Object> d = new LinkedHashMap<>(event(slot(p), c, tz));
        d.put("postTitle", p.title() == null ? "" : p.title());
        d.put("caption", p.caption() == null ? "" : p.caption());
        d.put("channelZone", c.zone().getId());
        d.put("limits", Map.of("title", style.titleMax(), "caption", style.captionMax(), "hashtags", style.hashtagsMax()));
        d.put("movable", movable(slot(p)));
        return d;
    }

    private static String title(PostStore.Slot p, Channel c, String status) {
        return c.name() + " · " + (p.title() == null || p.title().isBlank() ? "post " + p.id() : p.title()) + " · "
                + status;
    }

    /** scheduled, publishing, published, failed, unconfirmed, queued, cancelled, or needs reconnect. */
    static String status(PostStore.Slot p, Channel c) {
        if (c.state() == Channel.State.NEEDS_RECONNECT && !p.state().isFinal()) {
            return "needs reconnect";
        }
        return p.state().label();
    }

    private static String reason(PostStore.Slot p, Channel c) {
        if (c.state() == Channel.State.NEEDS_RECONNECT && !p.state().isFinal()) {
            return c.stateReason() == null ? "the channel needs reconnecting" : c.stateReason();
        }
        return p.state() == PostState.FAILED || p.state() == PostState.UNCONFIRMED
                ? (p.lastError() == null ? "" : p.lastError()) : "";
    }

    static boolean movable(PostStore.Slot p) {
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
