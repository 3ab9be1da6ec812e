package dev.tagline.web;

import static dev.tagline.web.Html.esc;

import dev.tagline.core.manifest.ClipCandidate;
import dev.tagline.core.manifest.ClipManifest;
import dev.tagline.core.manifest.ClipsFile;
import dev.tagline.core.progress.Progress;
import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Post;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** HTML for the clips page: a card per rendered clip (player, review form, queue form) and the finder's table. */
final class ClipCards {
    private ClipCards() {
    }

    /** {@code onChannels}: the clip's posts by channel id; a channel it is already on is offered disabled. */
    static String rendered(ClipLibrary.Rendered r, List<Channel> channels, Map<Long, Post> onChannels, String message) {
        ClipManifest m = r.manifest();
        String q = "?root=" + esc(r.ref().root()) + "&amp;path=" + esc(java.net.URLEncoder.encode(r.ref().path(),
                java.nio.charset.StandardCharsets.UTF_8));
        StringBuilder b = new StringBuilder("<article class=\"clip\" id=\"").append(esc(r.ref().htmlId("clip-")))
                .append("\"><video controls preload=\"metadata\" src=\"").append(esc(r.ref().mediaUrl(m.video())))
                .append("\"></video><div class=\"clip-body\"><h3>").append(esc(m.id())).append(" <span class=\"badge ")
                .append(m.accepted() ? "ok\">accepted" : "no\">rejected").append("</span></h3><p class=\"meta\">score ")
                .append(Math.round(m.score() * 100)).append(" · ")
                .append(String.format(Locale.ROOT, "%.1f s", m.durationSeconds())).append(" · ").append(m.width())
                .append("×").append(m.height());
        if (m.source() != null) {
            b.append(" · from ").append(esc(r.ref().fromRoot(m.source().path()))).append(String.format(Locale.ROOT, " %.1f–%.1f s",
                    m.source().startSeconds(), m.source().endSeconds()));
        }
        b.append("</p>");
        if (message != null) {
            b.append("<p class=\"notice\" role=\"status\">").append(esc(message)).append("</p>");
        }
        ClipManifest.Copy c = m.copy();
        b.append(cuts(m));
        b.append("<form hx-post=\"/clips/review").append(q).append("\" hx-target=\"closest article\" hx-swap=\"outerHTML\">")
                .append("<label>Title <input name=\"title\" value=\"").append(esc(c.title())).append("\"></label>")
                .append("<label>Description <textarea name=\"caption\" rows=\"3\">").append(esc(c.caption()))
                .append("</textarea></label><label>Hashtags <input name=\"hashtags\" value=\"")
                .append(esc(c.hashtags() == null ? "" : String.join(" ", c.hashtags()))).append("\"></label>")
                .append("<menu><button name=\"accepted\" value=\"true\" class=\"accept\">Save and accept</button>")
                .append("<button name=\"accepted\" value=\"false\" class=\"reject\">Reject</button></menu></form>");
        if (!channels.isEmpty()) {
            b.append("<form class=\"queue-form\" hx-post=\"/clips/queue").append(q)
                    .append("\" hx-target=\"closest article\" hx-swap=\"outerHTML\"><fieldset><legend>Queue to</legend>");
            for (Channel ch : channels) {
                Post on = onChannels.get(ch.id());
                b.append("<label class=\"inline\"><input type=\"checkbox\" name=\"channel\" value=\"").append(esc(ch.name()))
                        .append(on == null ? "\">" : "\" disabled>").append(" ").append(esc(ch.name())).append(" (")
                        .append(esc(ch.platform())).append(on == null ? ")" : "): already post " + on.id() + " ("
                        + esc(on.state().label()) + ")").append("</label>");
            }
            b.append("<button>Queue</button></fieldset></form>");
        } else {
            b.append("<p class=\"no-channel\">No channel to queue it on yet: add one on the command line, e.g."
                    + " <code>tagline publish channels add NAME --platform folder --option path=DIR</code>, then"
                    + " reload.</p>");
        }
        return b.append("</div></article>").toString();
    }

    /**
     * Where a platform's variant differs from the copy in the form: what publishing there will cut (a title over that
     * platform's limit, a description, hashtags over its count) or replace (YouTube's {@code < >}).
     */
    static String cuts(ClipManifest m) {
        ClipManifest.Copy c = m.copy();
        if (c == null) {
            return "";
        }
        StringBuilder items = new StringBuilder();
        new java.util.TreeMap<>(m.variants()).forEach((platform, v) -> {
            List<String> what = new java.util.ArrayList<>();
            what.add(change("title", c.title(), v.title()));
            what.add(change("description", c.caption(), v.caption()));
            int tags = c.hashtags() == null ? 0 : c.hashtags().size();
            int kept = v.hashtags() == null ? 0 : v.hashtags().size();
            what.add(kept < tags ? kept + " of " + tags + " hashtags kept" : null);
            what.removeIf(java.util.Objects::isNull);
            if (!what.isEmpty()) {
                items.append("<li>").append(esc(platform)).append(": ").append(esc(String.join(", ", what))).append("</li>");
            }
        });
        return items.isEmpty() ? "" : "<div class=\"cuts\" role=\"note\">Fitted to each platform's limits:<ul>"
                + items + "</ul></div>";
    }

    private static String change(String field, String copy, String variant) {
        String a = copy == null ? "" : copy.strip();
        String v = variant == null ? "" : variant.strip();
        if (a.equals(v)) {
            return null;
        }
        if (a.equals(v.replace('‹', '<').replace('›', '>'))) {
            return field + ": < > shown as ‹ ›";
        }
        return field + " cut to " + v.codePointCount(0, v.length()) + " characters";
    }

    /** What the length presets mean, beside their names. */
    static final Map<String, String> LENGTH_LABELS = Map.of("short", "short (15-30 s)", "medium", "medium (30-60 s)",
            "long", "long (60-90 s)");

    /** A labelled drop-down of {@code values}, the first selected; {@code labels} may name a value for people. */
    static String select(String label, String name, List<String> values, Map<String, String> labels) {
        StringBuilder b = new StringBuilder("<label>").append(esc(label)).append(" <select name=\"").append(esc(name))
                .append("\">");
        for (String v : values) {
            b.append("<option value=\"").append(esc(v)).append("\">").append(esc(labels.getOrDefault(v, v)))
                    .append("</option>");
        }
        return b.append("</select></label>").toString();
    }

    /**
     * What a review did to the clip's posts that have not gone out: " Post 3 on hook takes the new text. Post 5 on yt
     * keeps the text edited on the calendar." (empty when the clip has none). They follow the clip until sent.
     */
    static String following(List<dev.tagline.publish.store.PostCopy.Following> posts) {
        StringBuilder b = new StringBuilder();
        for (var f : posts) {
            b.append(" Post ").append(f.postId()).append(" on ").append(f.channel()).append(f.edited()
                    ? " keeps the text edited on the calendar." : " takes this text when it is sent.");
        }
        return b.toString();
    }

    /** {@code no clips}, {@code 1 clip}, {@code 4 clips}. */
    static String clips(int n) {
        return n == 0 ? "no clips" : n + (n == 1 ? " clip" : " clips");
    }

    static String found(ClipLibrary.Found f, String csrf) {
        ClipsFile file = f.clips();
        StringBuilder b = new StringBuilder("<section class=\"found\" id=\"").append(esc(f.ref().htmlId("found-")))
                .append("\"><h2>").append(esc(f.ref().fromRoot(file.source().path())))
                .append(" <small>").append(Progress.Unit.SECONDS.format(Math.round(file.source().durationSeconds())))
                .append(", ").append(clips(file.clips().size())).append(" found</small></h2>");
        if (!file.notes().isEmpty()) {
            b.append("<ul class=\"notes\">");
            file.notes().forEach(n -> b.append("<li>").append(esc(n)).append("</li>"));
            b.append("</ul>");
        }
        if (file.clips().isEmpty()) {
            return b.append("</section>").toString();
        }
        b.append("<table><thead><tr><th>#</th><th>span</th><th>score</th><th>hook · payoff · coherence · energy ·"
                + " visual</th><th>reason</th><th>hook line, else on-screen text</th></tr></thead><tbody>");
        for (ClipCandidate c : file.clips()) {
            ClipCandidate.SubScores s = c.subScores();
            b.append("<tr><td>").append(c.rank()).append("</td><td>")
                    .append(Progress.Unit.SECONDS.format((long) c.startSeconds())).append('–')
                    .append(Progress.Unit.SECONDS.format((long) Math.ceil(c.endSeconds())))
                    .append(String.format(Locale.ROOT, " (%.0f s)", c.endSeconds() - c.startSeconds()))
                    .append("</td><td>").append(c.score()).append("</td><td>").append(s.hook()).append(" · ")
                    .append(s.payoff()).append(" · ").append(s.coherence()).append(" · ").append(s.energy())
                    .append(" · ").append(s.visual()).append("</td><td>").append(esc(c.reason())).append("</td><td>")
                    .append(c.hookText().isEmpty() && !c.screenText().isEmpty()
                            ? "<span class=\"screen-text\">on screen: " + esc(String.join(" · ",
                                    c.screenText().subList(0, Math.min(3, c.screenText().size())))) + "</span>"
                            : esc(c.hookText())).append("</td></tr>");
        }
        b.append("</tbody></table><form class=\"render-form\" method=\"post\" action=\"/jobs/")
                .append(esc(f.ref().root())).append("/render\"><input type=\"hidden\" name=\"_csrf\" value=\"")
                .append(esc(csrf)).append("\"><input type=\"hidden\" name=\"path\" value=\"").append(esc(f.ref().path()))
                .append("\">").append(select("Reframe", "mode", VideoJobKinds.REFRAME_MODES, Map.of()))
                .append(select("Aspect", "aspect", VideoJobKinds.ASPECTS, Map.of()))
                .append(select("Caption style", "style", VideoJobKinds.CAPTION_STYLES, Map.of()));
        return b.append("<label>Preset <select name=\"preset\"><option>medium</option>")
                .append("<option>veryfast</option><option>ultrafast</option><option>slow</option></select></label>")
                .append("<label class=\"inline\"><input type=\"checkbox\" name=\"captions\" value=\"off\"> no captions")
                .append("</label><button class=\"render\">Render ").append(clips(file.clips().size()))
                .append(" (background job)</button></form></section>").toString();
    }
}
