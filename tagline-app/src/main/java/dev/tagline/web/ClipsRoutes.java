package dev.tagline.web;

import dev.tagline.core.TaglineException;
import dev.tagline.publish.store.AlreadyOnChannelException;
import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Media;
import dev.tagline.publish.store.Post;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code /clips}: per source video the clips the finder proposed (score, sub-scores, reason), and each rendered clip
 * with a player, accept/reject, title/description/hashtags (saved into its {@code clip.json}) and queueing to
 * channels. Forms post through htmx and get the re-rendered card back.
 */
final class ClipsRoutes {
    private final WebContext web;
    private final ClipLibrary library;

    ClipsRoutes(WebContext web) {
        this.web = web;
        this.library = new ClipLibrary(web.settings().mediaRoots());
    }

    void register(RoutesConfig r) {
        r.get("/clips", this::page);
        r.post("/clips/review", this::review);
        r.post("/clips/queue", this::queue);
        r.get("/api/clips", ctx -> ctx.json(library.rendered()));
    }

    private void page(Context ctx) {
        List<Channel> channels = web.publishing().channels().list();
        StringBuilder b = new StringBuilder("<section class=\"clips-page\"><h1>Clips</h1>");
        if (web.settings().mediaRoots().isEmpty()) {
            b.append("<p>No media folders configured. Start with <code>tagline serve --media clips=FOLDER</code>.</p>");
        }
        String csrf = Guard.session(ctx).csrf();
        for (String root : new java.util.TreeSet<>(web.settings().mediaRoots().keySet())) {
            b.append(findForm(root, library.videos(root), csrf));
        }
        library.found().forEach(f -> b.append(ClipCards.found(f, csrf)));
        b.append("<h2>Rendered clips</h2><div class=\"clip-grid\">");
        List<ClipLibrary.Rendered> rendered = library.rendered();
        rendered.forEach(r -> b.append(ClipCards.rendered(r, channels, onChannels(r.ref()), null)));
        if (rendered.isEmpty()) {
            b.append("<p>No rendered clips (folders with clip.json) below the media folders yet.</p>");
        }
        b.append("</div></section>");
        ctx.html(Html.page("Clips", csrf, "/clips", b.toString()));
    }

    /**
     * The find form of one media folder: a picker of its videos (those without clips first), or, for a folder without
     * videos (a dataset of images), a line saying so instead of a form.
     */
    static String findForm(String root, List<ClipLibrary.Video> videos, String csrf) {
        if (videos.isEmpty()) {
            return "<p class=\"no-videos\" id=\"no-videos-" + Html.esc(root) + "\">No videos in " + Html.esc(root)
                    + " (up to " + ClipLibrary.MAX_DEPTH + " folders deep), so no clips to find there"
                    + " (<a href=\"/datasets/" + Html.esc(root) + "\">its images</a> are on Datasets).</p>";
        }
        StringBuilder b = new StringBuilder("<form class=\"find-form\" method=\"post\" action=\"/jobs/")
                .append(Html.esc(root)).append("/find\"><input type=\"hidden\" name=\"_csrf\" value=\"")
                .append(Html.esc(csrf)).append("\"><label>Video in ").append(Html.esc(root))
                .append(" <select name=\"path\" required>");
        group(b, "Without clips", videos.stream().filter(v -> !v.found()).toList());
        group(b, "Clips found (finding again replaces them)", videos.stream().filter(ClipLibrary.Video::found).toList());
        return b.append("</select></label><label>Clips <input name=\"count\" size=\"3\" placeholder=\"auto\"></label>")
                .append(ClipCards.select("Length", "length", VideoJobKinds.LENGTHS, ClipCards.LENGTH_LABELS))
                .append("<label>Speech-to-text endpoint, for videos without subtitles <input name=\"endpoint\"")
                .append(" type=\"url\" placeholder=\"http://127.0.0.1:8000/v1 (optional)\"></label>")
                .append("<label>Speech-to-text model <input name=\"stt_model\" placeholder=\"whisper-1\"></label>")
                .append("<button class=\"find\">Find clips (background job)</button></form>").toString();
    }

    private static void group(StringBuilder b, String label, List<ClipLibrary.Video> videos) {
        if (videos.isEmpty()) {
            return;
        }
        b.append("<optgroup label=\"").append(Html.esc(label)).append("\">");
        videos.forEach(v -> b.append("<option value=\"").append(Html.esc(v.ref().path())).append("\">")
                .append(Html.esc(v.ref().path())).append("</option>"));
        b.append("</optgroup>");
    }

    private void review(Context ctx) {
        ClipLibrary.Ref ref = ref(ctx);
        library.file(ref); // 404 for a wrong path before any complaint about the form
        List<String> tags = Arrays.stream(String.valueOf(ctx.formParam("hashtags")).split("[\\s,]+"))
                .map(t -> t.startsWith("#") ? t.substring(1) : t).filter(t -> !t.isBlank() && !t.equals("null")).toList();
        boolean accepted = "true".equals(ctx.formParam("accepted"));
        String title = ctx.formParam("title") == null ? "" : ctx.formParam("title").strip();
        String caption = ctx.formParam("caption") == null ? "" : ctx.formParam("caption").strip();
        if (accepted && (title.isEmpty() || caption.isEmpty())) {
            throw new TaglineException("Not accepted: the clip has no " + (title.isEmpty() ? "title" : "description"),
                    "Give it a title and a description, then Save and accept.");
        }
        ClipLibrary.Rendered r = library.review(ref, accepted, title, caption, tags);
        String posts = ClipCards.following(web.publishing().followClip(library.file(ref)));
        ctx.html(ClipCards.rendered(r, web.publishing().channels().list(), onChannels(ref), (accepted ? "Saved and accepted."
                : "Rejected.") + posts));
    }

    private void queue(Context ctx) {
        ClipLibrary.Ref ref = ref(ctx);
        List<String> names = ctx.formParams("channel");
        if (names.isEmpty()) {
            throw new TaglineException("No channel ticked", "Tick at least one channel to queue the clip on.");
        }
        Media media = web.publishing().media().register(library.file(ref));
        if (!media.manifest().accepted()) {
            throw new TaglineException("Clip " + media.manifest().id() + " is rejected",
                    "Accept it first (Save and accept), then queue it.");
        }
        List<String> done = new ArrayList<>();
        List<String> queuedOn = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        TaglineException first = null;
        for (String name : names) { // each channel on its own: one that refuses does not stop the others
            try {
                Channel c = web.publishing().channels().byName(name);
                Post p = web.publishing().posts().queue(media, c, media.manifest().copyFor(c.platform()));
                done.add(name + " (post " + p.id() + ")");
                queuedOn.add(name);
            } catch (AlreadyOnChannelException e) {
                // the store's hint names CLI commands; here the calendar is where the post is changed
                first = first != null ? first : new TaglineException(e.getMessage(), switch (e.state()) {
                    case PUBLISHED -> "A clip is published on a channel once.";
                    case UNCONFIRMED -> "Whether the platform has it is not known. Open post " + e.postId()
                            + " on the Calendar, check the platform, and record what you found: Posted or Not posted.";
                    case PUBLISHING -> "A worker is publishing it now.";
                    default -> "Open post " + e.postId() + " on the Calendar to change its time or cancel it.";
                });
                refused.add(name + ": " + e.getMessage());
            } catch (TaglineException e) {
                first = first != null ? first : e;
                refused.add(name + ": " + e.getMessage());
            }
        }
        if (done.isEmpty()) {
            throw first;
        }
        ctx.html(ClipCards.rendered(new ClipLibrary.Rendered(ref, media.manifest()), web.publishing().channels().list(),
                onChannels(ref),
                "Queued on " + String.join(", ", done) + "." + nextStep(queuedOn)
                        + (refused.isEmpty() ? "" : " Not queued on " + String.join("; ", refused) + ".")));
    }

    /**
     * What gives the queued posts a time: Auto-schedule for a channel with a posting rule; for one without, the rule
     * to set first or a time on the calendar (dogfood round 6 H8: Auto-schedule passes such a channel over).
     */
    private String nextStep(List<String> names) {
        List<String> noRule = new ArrayList<>();
        boolean ruled = false;
        for (String name : names) {
            Channel c = web.publishing().channels().byName(name);
            if (web.publishing().rules().find(c.id()).isPresent()) {
                ruled = true;
            } else {
                noRule.add(c.name());
            }
        }
        return (ruled ? " Auto-schedule on the calendar gives it a time" + (noRule.isEmpty() ? "." : " on the"
                + " channels with a posting rule.") : "") + (noRule.isEmpty() ? "" : " " + String.join(", ", noRule)
                + (noRule.size() == 1 ? " has" : " have") + " no posting rule: set one first (Channels page, or"
                + " 'tagline publish rules set " + noRule.get(0) + " --times 09:00') or give the post a time on the"
                + " calendar.");
    }

    /** The clip's posts by channel, for its card's Queue form. */
    private java.util.Map<Long, Post> onChannels(ClipLibrary.Ref ref) {
        return web.publishing().posts().ofClipFile(library.file(ref));
    }

    private static ClipLibrary.Ref ref(Context ctx) {
        String root = ctx.queryParam("root");
        String path = ctx.queryParam("path");
        if (root == null || path == null) {
            throw new TaglineException("Missing root or path", "Use the forms on /clips.");
        }
        return new ClipLibrary.Ref(root, path);
    }
}
