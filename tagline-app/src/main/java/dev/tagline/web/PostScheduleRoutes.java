package dev.tagline.web;

import dev.tagline.publish.plan.AutoScheduler;
import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Post;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The calendar's JSON API ({@code docs/api.md}) that changes when posts go out: a move (drag, with Undo's
 * {@code restore}), the editor's Save (copy and, with {@code at}, a new time) and auto-schedule.
 */
final class PostScheduleRoutes {
    private final WebContext web;

    PostScheduleRoutes(WebContext web) {
        this.web = web;
    }

    /**
     * {@code restore}: Undo of a move sends the {@code moved} list of its answer back, so the posts it placed again
     * return to their times too.
     */
    record Move(String at, String tz, String previousAt, List<Restore> restore) {
    }

    /** One post of a move's {@code moved} list: its id, the time it had ({@code previousAt}) and where it went. */
    record Restore(String id, String previousAt, String at) {
    }

    /** The editor's Save: the text, and a new time when {@code at} is given (as {@link Move}). */
    record Copy(String title, String caption, String at, String tz, String previousAt) {
    }

    void register(RoutesConfig r) {
        r.patch("/api/posts/{id}/schedule", this::move);
        r.put("/api/posts/{id}/copy", this::editCopy);
        r.post("/api/auto-schedule", this::autoSchedule);
    }

    private void move(Context ctx) {
        Move body = PostApiRoutes.body(ctx, Move.class);
        ctx.json(moveTo(PostApiRoutes.find(web, PostApiRoutes.id(ctx)), body.at(), body.tz(), body.previousAt(),
                body.restore()));
    }

    /**
     * Moves {@code post} to {@code atText} (wall time in {@code tzText}); refused (nothing changed) when it cannot move,
     * moved meanwhile ({@code previousAt}) or the time is not valid. The answer: the post, its previous time, the
     * rule's warnings, and the other posts moved to keep the channel's posting rule ({@code moved}: id, time in
     * UTC and in the channel's zone, {@code previousAt}; {@code at} null for one back in the queue) and their count
     * ({@code replanned}).
     */
    private Map<String, Object> moveTo(Post post, String atText, String tzText, String previousAt,
                                       List<Restore> restore) {
        Post p = movable(post);
        Channel c = web.publishing().channels().byId(p.channelId());
        ZoneId tz = CalendarJson.zone(tzText, c.zone());
        Instant at = CalendarJson.time(atText, tz, "at");
        String current = p.scheduledAt() == null ? null : p.scheduledAt().toString();
        if (previousAt != null && !previousAt.equals(current)) {
            throw new Problems.ConflictException("Post " + p.id() + " was moved meanwhile (now " + current + ")",
                    "Reload the calendar and try again.");
        }
        if (restore != null && !restore.isEmpty()) {
            web.publishing().scheduler().putBack(restore.stream().map(r -> new AutoScheduler.PutBack(
                    Long.parseLong(r.id()), CalendarJson.time(r.previousAt(), ZoneOffset.UTC, "restore.previousAt"),
                    r.at() == null ? null : CalendarJson.time(r.at(), ZoneOffset.UTC, "restore.at"))).toList());
        }
        AutoScheduler.Plan plan = web.publishing().scheduler().move(c, p.id(), at);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("post", detail(web.publishing().posts().byId(p.id()), c, tz));
        out.put("previousAt", current);
        out.put("warnings", web.publishing().scheduler().warnings(c, p.id(), at));
        out.put("moved", MovedPosts.moved(plan, c));
        out.put("replanned", plan.placed().size() + plan.unplaced().size());
        return out;
    }

    /**
     * {@code p} when its time can still change; else a 409 (docs/api.md: the post "has already started publishing"),
     * not the scheduler's 400, since the request was right and the post's state is what stands in the way.
     */
    static Post movable(Post p) {
        if (p.state() == dev.tagline.publish.store.PostState.UNCONFIRMED) {
            throw new Problems.ConflictException(new dev.tagline.publish.store.UnconfirmedPostException(p.id(),
                    "moved").getMessage(), dev.tagline.publish.store.UnconfirmedPostException.webHint());
        }
        boolean plannable = p.state() == dev.tagline.publish.store.PostState.QUEUED
                || p.state() == dev.tagline.publish.store.PostState.SCHEDULED;
        if (!plannable || p.step() != Post.Step.UPLOAD) {
            throw new Problems.ConflictException("Post " + p.id() + " is " + p.state().label() + " and cannot be"
                    + " moved", "Only queued or scheduled posts can be moved; reload the calendar.");
        }
        return p;
    }

    /**
     * The editor's Save, all or nothing: the text is checked against the platform first, then the new time (if any)
     * is applied (a refused time changes nothing), then the text. The answer is the post's detail, plus the move's
     * {@code previousAt} and {@code warnings} when the time changed, so the page can warn and offer Undo as a drag does.
     */
    private void editCopy(Context ctx) {
        Copy body = PostApiRoutes.body(ctx, Copy.class);
        long id = PostApiRoutes.id(ctx);
        Post before = PostApiRoutes.find(web, id);
        Channel channel = web.publishing().channels().byId(before.channelId());
        Platforms.of(channel.platform()).check(channel.platform(), body.title(), body.caption());
        Map<String, Object> moved = body.at() == null || body.at().isBlank() ? null
                : moveTo(before, body.at(), body.tz(), body.previousAt(), null);
        if (!web.publishing().copies().editCopy(id, body.title(), body.caption())) {
            throw new Problems.ConflictException("Post " + id + " has already started publishing; its text is fixed",
                    "Edit it on the platform itself.");
        }
        Post p = web.publishing().posts().byId(id);
        Channel c = web.publishing().channels().byId(p.channelId());
        Map<String, Object> out = new LinkedHashMap<>(detail(p, c, c.zone()));
        if (moved != null) {
            out.put("previousAt", moved.get("previousAt"));
            out.put("warnings", moved.get("warnings"));
            out.put("moved", moved.get("moved"));
        }
        ctx.json(out);
    }

    /**
     * Fills every channel that has a posting rule; a channel without one that holds queued posts is listed under
     * {@code skipped} with the reason, so the page can say why its posts got no time.
     */
    private void autoSchedule(Context ctx) {
        List<Map<String, Object>> plans = new ArrayList<>();
        List<Map<String, Object>> skipped = new ArrayList<>();
        for (Channel c : web.publishing().channels().list()) {
            if (web.publishing().rules().find(c.id()).isPresent()) {
                AutoScheduler.Plan plan = web.publishing().scheduler().schedule(c);
                plans.add(Map.of("channel", c.name(), "placed", plan.placed().size(), "unplaced",
                        plan.unplaced().stream().map(u -> Map.of("post", u.postId(), "reason", u.reason())).toList()));
            } else {
                int queued = web.publishing().posts().queuedByScore(c.id()).size();
                if (queued > 0) {
                    skipped.add(Map.of("channel", c.name(), "queued", queued, "reason", "no posting rule: add one"
                            + " under Channels, or give each of its posts a time from the Unscheduled list"));
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("channels", plans);
        out.put("skipped", skipped);
        boolean anything = !skipped.isEmpty() || plans.stream().anyMatch(p -> (int) p.get("placed") > 0
                || !((List<?>) p.get("unplaced")).isEmpty());
        if (!anything) { // nothing placed and no channel to name: say why (dogfood round 6 H8)
            out.put("why", web.publishing().channels().list().isEmpty() ? NO_CHANNEL
                    : "Nothing is queued: queue clips on the Clips page (Queue to) or with 'tagline publish queue'.");
        }
        ctx.json(out);
    }

    /** The empty state's next step, where no channel exists (the Channels page adds only OAuth channels). */
    static final String NO_CHANNEL = "There is no channel yet: add one on the command line, e.g. 'tagline publish"
            + " channels add NAME --platform folder --option path=DIR' (docs/publish.md), then reload.";

    /** Post detail as the calendar shows it now (a due post says so when no worker runs). */
    private Map<String, Object> detail(Post p, Channel c, ZoneId tz) {
        return CalendarJson.detail(p, c, web.publishing().channels().list(), tz, PostApiRoutes.now(web));
    }
}
