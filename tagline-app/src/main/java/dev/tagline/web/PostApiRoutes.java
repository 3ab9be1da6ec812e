package dev.tagline.web;

import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Post;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.config.RoutesConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The calendar's JSON API ({@code docs/api.md}) that reads: events of a range, channels, a post's detail, the queue;
 * and the request helpers its neighbours share. Moving, the editor's Save and auto-schedule are
 * {@link PostScheduleRoutes}'s; the post editor's other actions {@link PostActionRoutes}'s.
 */
final class PostApiRoutes {
    static final Duration MAX_RANGE = Duration.ofDays(62);
    private static final JsonFactory JSON = new JsonFactory();
    private final WebContext web;

    PostApiRoutes(WebContext web) {
        this.web = web;
    }

    void register(RoutesConfig r) {
        r.get("/api/calendar", this::calendar);
        r.get("/api/channels", this::channels);
        r.get("/api/posts/{id}", this::post);
        r.get("/api/queue", this::queue);
    }

    private void calendar(Context ctx) throws IOException {
        ZoneId tz = CalendarJson.zone(ctx.queryParam("tz"), ZoneOffset.UTC);
        Instant from = CalendarJson.time(ctx.queryParam("from"), tz, "from");
        Instant to = CalendarJson.time(ctx.queryParam("to"), tz, "to");
        if (!to.isAfter(from) || Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw new dev.tagline.core.TaglineException("The range " + from + " .. " + to + " is empty or longer than "
                    + MAX_RANGE.toDays() + " days", "Ask for one month or week at a time.");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            int perDay = perDay(ctx);
            if (perDay > 0) {
                CalendarJson.writeDays(g, web.publishing().calendar().firstOfEachDay(CalendarJson.dayBounds(from, to, tz),
                        perDay), channelsById(), tz, now());
            } else {
                CalendarJson.write(g, web.publishing().calendar().slotsBetween(from, to), channelsById(), tz, now());
            }
        }
        ctx.contentType("application/json").result(out.toByteArray());
    }

    /** {@code perDay}: absent for every event, 1–50 (docs/api.md) for the first N a day plus per-day counts. */
    private static int perDay(Context ctx) {
        String text = ctx.queryParam("perDay");
        if (text == null || text.isBlank()) {
            return 0;
        }
        if (!text.matches("\\d{1,2}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 50) {
            throw new dev.tagline.core.TaglineException("perDay must be a number from 1 to 50, not '" + text + "'",
                    "Leave it out for every event, or give e.g. perDay=3 for a month grid.");
        }
        return Integer.parseInt(text);
    }

    private void channels(Context ctx) {
        List<Channel> all = web.publishing().channels().list();
        ctx.json(all.stream().map(c -> Map.of("id", c.id(), "name", c.name(),
                "platform", c.platform(), "zone", c.zone().getId(), "state", c.state().name().toLowerCase(
                        java.util.Locale.ROOT), "color", Platforms.color(c, all))).toList());
    }

    private void post(Context ctx) {
        Post unsynced = post(id(ctx));
        if (!unsynced.copyEdited()) { // the editor shows the text that will be sent: the clip's copy as it is now
            try {
                web.publishing().followClip(web.publishing().media().manifestPath(unsynced.mediaId()));
            } catch (dev.tagline.core.TaglineException e) {
                org.slf4j.LoggerFactory.getLogger(PostApiRoutes.class).debug("post {}: its clip.json cannot be read"
                        + " now; the editor shows its last text", unsynced.id(), e);
            }
        }
        Post p = post(unsynced.id());
        web.publishing().brokenClips().posts(); // its clip's details are checked now: the detail says if it is broken
        Channel c = web.publishing().channels().byId(p.channelId());
        Map<String, Object> d = new LinkedHashMap<>(detail(p, c, CalendarJson.zone(ctx.queryParam("tz"), c.zone())));
        if (p.copyEdited() && dev.tagline.publish.Publishing.whyTextFixed(p).isEmpty()) {
            clipCopy(p, c).ifPresent(copy -> d.put("clipCopy", copy)); // what "Use the clip's copy" would take
        }
        ctx.json(d);
    }

    /** The copy {@code p}'s clip.json holds for its channel's platform now; empty when it cannot be read. */
    private java.util.Optional<Map<String, String>> clipCopy(Post p, Channel c) {
        java.nio.file.Path manifest = web.publishing().media().manifestPath(p.mediaId());
        try {
            var copy = dev.tagline.core.manifest.ClipManifests.read(manifest).copyFor(c.platform());
            return java.util.Optional.of(Map.of("title", copy.title() == null ? "" : copy.title(), "caption",
                    copy.text()));
        } catch (dev.tagline.core.TaglineException e) {
            org.slf4j.LoggerFactory.getLogger(PostApiRoutes.class).debug("post {}: {} cannot be read now; the editor"
                    + " offers no clip copy", p.id(), manifest, e);
            return java.util.Optional.empty();
        }
    }

    /**
     * Queued posts (no time yet), oldest change first: the calendar's Unscheduled list, whose items open the editor;
     * {@code broken} is the line a post whose clip details cannot be read shows, else empty.
     */
    private void queue(Context ctx) {
        Map<Long, Channel> channels = channelsById();
        Map<Long, String> broken = web.publishing().brokenClips().posts();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Post p : web.publishing().posts().inState(dev.tagline.publish.store.PostState.QUEUED)) {
            Channel c = channels.get(p.channelId());
            if (c != null) {
                out.add(Map.of("id", Long.toString(p.id()), "channel", c.name(), "platform", c.platform(),
                        "color", Platforms.color(c, channels.values()), "title", p.title() == null ? "" : p.title(),
                        "caption", p.caption() == null ? "" : p.caption(), "broken", broken.getOrDefault(p.id(), "")));
            }
        }
        ctx.json(Map.of("posts", out));
    }

    /** Post detail as the calendar shows it now (a due post says so when no worker runs). */
    private Map<String, Object> detail(Post p, Channel c, ZoneId tz) {
        return CalendarJson.detail(p, c, web.publishing().channels().list(), tz, now());
    }

    private CalendarJson.Now now() {
        return now(web);
    }

    /**
     * The moment statuses are judged at, with the no-worker line when no publish worker runs and the posts whose clip
     * details cannot be read, as last found (the page, the queue and a post's detail look again; the lean events
     * query does not, so a month of 10,000 posts stays one query).
     */
    static CalendarJson.Now now(WebContext web) {
        return new CalendarJson.Now(web.clock().instant(), WorkerLine.noWorker(web.publishing(), web.clock().instant())
                .orElse(null), web.publishing().brokenClips().lastFound());
    }

    private Map<Long, Channel> channelsById() {
        return web.publishing().channels().all().stream().collect(Collectors.toMap(Channel::id, Function.identity()));
    }

    static <T> T body(Context ctx, Class<T> type) {
        try {
            return ctx.bodyAsClass(type);
        } catch (Exception e) {
            throw new dev.tagline.core.TaglineException("Cannot read the JSON body as " + type.getSimpleName(),
                    "Send JSON as documented in docs/api.md.", e);
        }
    }

    private Post post(long id) {
        return find(web, id);
    }

    /** The post, or 404. */
    static Post find(WebContext web, long id) {
        try {
            return web.publishing().posts().byId(id);
        } catch (dev.tagline.core.TaglineException e) {
            throw new io.javalin.http.NotFoundResponse(e.getMessage());
        }
    }

    static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new io.javalin.http.NotFoundResponse("No post '" + ctx.pathParam("id") + "'");
        }
    }
}
