package dev.tagline.web;

import dev.tagline.core.TaglineException;
import dev.tagline.publish.plan.AutoScheduler;
import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Post;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the post editor does to a post's fate ({@code docs/api.md}): publish now, unschedule, retry a failed post,
 * cancel, follow the clip's copy again, and record what the user found on the platform for an unconfirmed post. Every
 * route changes state, so the CSRF check of {@link Guard} applies to each. Over 200 lines: six small actions, each a
 * route with its refusals; the schedule-changing ones (move, Save, auto-schedule) are in {@link PostScheduleRoutes}.
 */
final class PostActionRoutes {
    private final WebContext web;

    PostActionRoutes(WebContext web) {
        this.web = web;
    }

    /** A failed post sent again with (edited) text; {@code at} empty puts it back in the queue. */
    record Retry(String title, String caption, String at, String tz) {
    }

    /** Unschedule's optional body: {@code previousAt}, the time the page showed (as for a move). */
    record Unschedule(String previousAt) {
    }

    /** What the user found: {@code posted} with its {@code url} (or id) there, or not, to send again now or {@code at}. */
    record Resolve(Boolean posted, String url, String at, String tz) {
    }

    void register(RoutesConfig r) {
        r.post("/api/posts/{id}/publish-now", this::publishNow);
        r.post("/api/posts/{id}/unschedule", this::unschedule);
        r.post("/api/posts/{id}/retry", this::retry);
        r.post("/api/posts/{id}/cancel", this::cancel);
        r.post("/api/posts/{id}/resolve", this::resolve);
        r.post("/api/posts/{id}/follow-clip", this::followClip);
    }

    private void publishNow(Context ctx) {
        Post p = PostScheduleRoutes.movable(post(id(ctx)));
        String broken = web.publishing().brokenClips().posts().get(p.id());
        if (broken != null) { // sent now, a run would only fail it: refused with the reason, as the editor's button
            TaglineException e = dev.tagline.publish.store.UnreadableClipException.notNow(p.id(), broken);
            throw new Problems.ConflictException(e.getMessage(), e.hint());
        }
        Channel c = web.publishing().channels().byId(p.channelId());
        // the command line's 'publish move N now': outside the plan, no warnings, no planned post gives way
        web.publishing().scheduler().publishNow(c, p.id());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("post", detail(web.publishing().posts().byId(p.id()), c, c.zone()));
        out.putAll(dueNow(""));
        ctx.json(out);
    }

    /** {@code workerRunning} and {@code message} for a post due now, from the workers' heartbeats. */
    private Map<String, Object> dueNow(String before) {
        Instant now = web.clock().instant();
        var worker = web.publishing().workers().latest(now).filter(w -> w.aliveAt(now));
        String message = worker.map(w -> before + "Due now; worker " + w.name() + " (seen "
                + Math.max(0, Duration.between(w.seenAt(), now).toSeconds()) + " s ago) publishes it within its poll"
                + " interval (" + w.poll().toSeconds() + " s).").orElseGet(() -> before + "Due now, but not sent yet. "
                + WorkerLine.noWorker(web.publishing(), now).orElse(""));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("workerRunning", worker.isPresent());
        out.put("message", message);
        return out;
    }

    /**
     * What the user found on the platform for an unconfirmed post, as {@code tagline publish resolve}: {@code posted}
     * true marks it published (with {@code url}, a link or the platform's id, when given); false sends it again, now or
     * at {@code at}. 400 without {@code posted}; 409 for a post that is not unconfirmed (its outcome is known, or a
     * worker is asking the platform about it right now).
     */
    private void resolve(Context ctx) {
        Resolve body = body(ctx, Resolve.class);
        long id = id(ctx);
        Post before = post(id);
        Channel c = web.publishing().channels().byId(before.channelId());
        if (body.posted() == null) {
            throw new TaglineException("Say what you found on the platform: \"posted\": true or false",
                    "Send {\"posted\": true, \"url\": \"…\"} if it is there, or {\"posted\": false} to send it again.");
        }
        ZoneId tz = CalendarJson.zone(body.tz(), c.zone());
        Instant at = body.posted() || body.at() == null || body.at().isBlank() ? web.clock().instant()
                : CalendarJson.time(body.at(), tz, "at");
        if (at.isBefore(web.clock().instant())) {
            throw new TaglineException(at.atZone(tz).format(java.time.format.DateTimeFormatter
                    .ofPattern("d MMM yyyy HH:mm", java.util.Locale.ENGLISH)) + " (" + tz.getId() + ") is in the past",
                    "Choose a later time, or leave the time empty to send it again now.");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        AutoScheduler.Plan plan = null;
        try { // refused by the post's state alone (not unconfirmed, or a worker holds it): 409
            if (body.posted()) {
                web.publishing().decisions().resolvePosted(id, body.url());
            } else {
                plan = web.publishing().scheduler().resend(c, id, at);
            }
        } catch (TaglineException e) {
            throw new Problems.ConflictException(e.getMessage(), e.hint());
        }
        Post p = web.publishing().posts().byId(id);
        String done = "Post " + id + " on " + c.name();
        if (body.posted()) {
            out.put("message", done + " is marked published; it will not be sent again.");
        } else if (p.plannedBy() == Post.PlannedBy.NOW) {
            out.putAll(dueNow(done + " is sent again. "));
        } else {
            out.put("message", done + " will be sent again at " + CalendarJson.whenText(p.scheduledAt(), tz,
                    c.zone()) + "." + (plan == null ? "" : MovedPosts.alsoMoved(plan, c, tz)));
        }
        out.put("post", detail(p, c, tz));
        ctx.json(out);
    }

    /**
     * A failed post goes again with the editor's text, checked against the platform's limits, only where the publish
     * engine's exactly-once rule allows it ({@code PostDecisions.whyNotSentAgain}, the rule of {@code publish queue}):
     * 409 when the platform took the video or may have it; 400 with the re-render advice when the video no longer
     * matches its {@code clip.json}, as {@code publish queue} refuses it. Everything is checked before anything
     * changes.
     */
    private void retry(Context ctx) {
        Retry body = body(ctx, Retry.class);
        long id = id(ctx);
        Channel c = web.publishing().channels().byId(post(id).channelId());
        Platforms.of(c.platform()).check(c.platform(), body.title(), body.caption());
        ZoneId tz = CalendarJson.zone(body.tz(), c.zone());
        Instant at = body.at() == null || body.at().isBlank() ? null : CalendarJson.time(body.at(), tz, "at");
        if (at != null && at.isBefore(web.clock().instant())) {
            throw new TaglineException(at.atZone(tz).format(java.time.format.DateTimeFormatter
                    .ofPattern("d MMM yyyy HH:mm", java.util.Locale.ENGLISH)) + " (" + tz.getId() + ") is in the past",
                    "Choose a later time, or leave the time empty to put the post back in the queue.");
        }
        // the video is checked again, as 'publish queue' does: a clip changed since its render fails again otherwise
        var media = web.publishing().media().register(web.publishing().media().manifestPath(post(id).mediaId()));
        // text other than the clip's copy is the user's: the post keeps it, as after the editor's Save
        var clipCopy = media.manifest().copyFor(c.platform());
        boolean edited = !java.util.Objects.equals(clipCopy.title(), body.title())
                || !clipCopy.text().equals(body.caption());
        try {
            web.publishing().decisions().retry(id, c, body.title(), body.caption(), edited);
        } catch (TaglineException e) {
            throw new Problems.ConflictException(e.getMessage(), e.hint());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> warnings = List.of();
        String message = "Post " + id + " is back in the queue; give it a time or run Auto-schedule.";
        if (at != null) {
            AutoScheduler.Plan plan = web.publishing().scheduler().move(c, id, at);
            warnings = web.publishing().scheduler().warnings(c, id, at);
            message = "Post " + id + " will be retried at " + CalendarJson.whenText(at, tz, c.zone()) + "."
                    + MovedPosts.alsoMoved(plan, c, tz);
        }
        out.put("post", detail(web.publishing().posts().byId(id), c, tz));
        out.put("warnings", warnings);
        out.put("message", message);
        ctx.json(out);
    }

    /**
     * Takes a scheduled post's time away, as {@code tagline publish unschedule}: it goes back to the Unscheduled list
     * and the next Auto-schedule may give it a time. 409 with the reason when the post has no time or a worker has
     * started it (the move's exactly-once rule), or when its time is no longer {@code previousAt}. The answer carries
     * {@code previousAt}, the UTC time it had, for the page's Undo (a move back).
     */
    private void unschedule(Context ctx) {
        long id = id(ctx);
        Post before = post(id);
        String previousAt = ctx.body().isBlank() ? null : body(ctx, Unschedule.class).previousAt();
        String current = before.scheduledAt() == null ? null : before.scheduledAt().toString();
        if (previousAt != null && current != null && !previousAt.equals(current)) {
            throw new Problems.ConflictException("Post " + id + " was moved meanwhile (now " + current + ")",
                    "Reload the calendar and try again.");
        }
        Post p;
        try {
            p = web.publishing().scheduler().unschedule(id);
        } catch (dev.tagline.publish.store.UnconfirmedPostException e) {
            throw new Problems.ConflictException(e.getMessage(), dev.tagline.publish.store.UnconfirmedPostException
                    .webHint());
        } catch (TaglineException e) {
            throw new Problems.ConflictException(e.getMessage(), e.hint());
        }
        Channel c = web.publishing().channels().byId(p.channelId());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("post", detail(p, c, c.zone()));
        out.put("previousAt", current);
        out.put("message", "Post " + id + " on " + c.name() + " is back in the Unscheduled list; give it a time or run"
                + " Auto-schedule.");
        ctx.json(out);
    }

    /**
     * The editor's "Use the clip's copy", as {@code tagline publish follow-clip}: a post whose text was edited here drops
     * it, takes its clip's copy as {@code clip.json} holds it now, and follows the clip until it is sent. 409 once
     * sending began, or for a failed or cancelled post.
     */
    private void followClip(Context ctx) {
        long id = id(ctx);
        Post p;
        try {
            p = web.publishing().followClipAgain(post(id).id());
        } catch (TaglineException e) {
            if (dev.tagline.publish.Publishing.whyTextFixed(post(id)).isPresent()) {
                throw new Problems.ConflictException(e.getMessage(), "Reload the calendar: only a queued or scheduled"
                        + " post that has not started publishing can take its clip's copy.");
            }
            throw e;
        }
        Channel c = web.publishing().channels().byId(p.channelId());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("post", detail(p, c, c.zone()));
        out.put("message", "Post " + id + " on " + c.name() + " follows its clip's copy again: it takes edits on the"
                + " Clips page until it is sent.");
        ctx.json(out);
    }

    /**
     * The engine's cancel, as {@code tagline publish cancel}: the post is kept as cancelled; no other post moves (its
     * slot stays free until the next auto-schedule), so {@code replanned} is 0.
     */
    private void cancel(Context ctx) {
        long id = id(ctx);
        Channel c = web.publishing().channels().byId(post(id).channelId());
        AutoScheduler.Plan plan;
        try {
            plan = web.publishing().scheduler().cancel(c, id);
        } catch (dev.tagline.publish.store.UnconfirmedPostException e) {
            throw new Problems.ConflictException(e.getMessage(), dev.tagline.publish.store.UnconfirmedPostException
                    .webHint());
        } catch (TaglineException e) {
            throw new Problems.ConflictException(e.getMessage(), e.hint());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("post", detail(web.publishing().posts().byId(id), c, c.zone()));
        out.put("replanned", plan.placed().size());
        out.put("message", "Post " + id + " on " + c.name() + " is cancelled; it will not be published.");
        ctx.json(out);
    }

    private Map<String, Object> detail(Post p, Channel c, ZoneId tz) {
        return CalendarJson.detail(p, c, web.publishing().channels().list(), tz, PostApiRoutes.now(web));
    }

    private Post post(long id) {
        return PostApiRoutes.find(web, id);
    }

    private static long id(Context ctx) {
        return PostApiRoutes.id(ctx);
    }

    private static <T> T body(Context ctx, Class<T> type) {
        return PostApiRoutes.body(ctx, type);
    }
}
