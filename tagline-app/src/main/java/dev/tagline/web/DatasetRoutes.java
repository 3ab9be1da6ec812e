package dev.tagline.web;

import static dev.tagline.web.Html.esc;

import dev.tagline.images.caption.Captioners;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code /datasets/{root}}: the gallery of a captioned folder (cached thumbnails, caption and tags per image, edit and
 * save), tag frequencies, filters (tag, missing caption, check verdict), bulk replace/remove of a tag across the folder,
 * background jobs (thumbnails, check) and the last check's report ({@code ?view=check}).
 */
final class DatasetRoutes {
    static final int PAGE = 200;
    private final WebContext web;
    private final Thumbnails thumbnails;
    /** Where a read-only dataset's last check report is ({@code $TAGLINE_HOME/state/journals}). */
    private final Path stateFallback;

    DatasetRoutes(WebContext web, Thumbnails thumbnails, Path stateFallback) {
        this.web = web;
        this.thumbnails = thumbnails;
        this.stateFallback = stateFallback;
    }

    void register(RoutesConfig r) {
        r.get("/datasets", ctx -> ctx.redirect(web.settings().mediaRoots().isEmpty() ? "/clips"
                : "/datasets/" + URLEncoder.encode(firstDataset(), StandardCharsets.UTF_8)));
        r.get("/datasets/{root}", this::gallery);
        r.post("/datasets/{root}/save", this::save);
        r.post("/datasets/{root}/bulk", this::bulk);
        r.get("/thumbs/{root}/<path>", this::thumb);
    }

    /** The first media folder (by name) that holds dataset images, else the first one. */
    private String firstDataset() {
        java.util.TreeSet<String> names = new java.util.TreeSet<>(web.settings().mediaRoots().keySet());
        return names.stream().filter(n -> dataset(n).hasImages()).findFirst().orElse(names.first());
    }

    /** The names of the media folders that hold dataset images, in name order. */
    private java.util.Set<String> withImages() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        web.settings().mediaRoots().keySet().stream().filter(n -> dataset(n).hasImages()).forEach(out::add);
        return out;
    }

    private Dataset dataset(String root) {
        Path dir = web.settings().mediaRoots().get(root);
        if (dir == null) {
            throw new NotFoundResponse("No media folder named '" + root + "'; start tagline serve with --media "
                    + root + "=FOLDER");
        }
        return new Dataset(dir, web.settings().sidecars(root));
    }

    private void gallery(Context ctx) {
        String root = ctx.pathParam("root");
        Dataset dataset = dataset(root);
        DatasetSidecars sidecars = dataset.sidecars();
        List<Dataset.Item> all = dataset.items();
        String tag = ctx.queryParam("tag") == null ? "" : ctx.queryParam("tag").strip();
        boolean missing = "caption".equals(ctx.queryParam("missing"));
        String verdict = ctx.queryParam("verdict") == null ? "" : ctx.queryParam("verdict").strip();
        CheckReportView report = CheckReportView.of(web.settings().mediaRoots().get(root), stateFallback);
        Map<String, String> verdicts = report.verdicts();
        List<Dataset.Item> shown = all.stream().filter(i -> tag.isEmpty() || i.tags().stream().anyMatch(tag::equalsIgnoreCase))
                .filter(i -> !missing || i.caption().isEmpty())
                .filter(i -> verdict.isEmpty() || verdict.equals(verdicts.getOrDefault(i.path(), "unchecked")))
                .limit(PAGE).toList();
        String csrf = Guard.session(ctx).csrf();
        StringBuilder b = new StringBuilder("<section class=\"dataset\"><h1>Dataset ").append(esc(root))
                .append(" <small>").append(all.size()).append(" images</small></h1>");
        java.util.Set<String> datasets = withImages();
        b.append(roots(root, datasets));
        if (all.isEmpty()) {
            b.append("<p class=\"empty\" id=\"no-images\">No images in ").append(esc(root)).append(". Rendered clips")
                    .append(" (folders with clip.json) are not a dataset: review them on <a href=\"/clips\">Clips</a>.")
                    .append(!datasets.isEmpty() ? "" : " No media folder holds dataset images: give one with tagline serve"
                            + " --media NAME=FOLDER (a folder of images, with or without captions).")
                    .append("</p></section>");
            ctx.html(Html.page("Dataset " + root, csrf, "/datasets", b.toString()));
            return;
        }
        b.append(sidecarsLine(root, sidecars));
        boolean readOnly = dataset.readOnly();
        if (readOnly) {
            b.append("<p class=\"read-only\" id=\"read-only\" role=\"note\"><strong>read-only</strong>: viewing only")
                    .append(" (Tagline cannot write to ").append(esc(web.settings().mediaRoots().get(root).toString()))
                    .append(")</p>");
        }
        String off = readOnly ? " disabled" : "";
        if (ctx.queryParam("changed") != null) {
            b.append("<p class=\"notice\" role=\"status\">Changed ").append(esc(ctx.queryParam("changed")))
                    .append(" tag file(s).</p>");
        }
        b.append("<form class=\"filters\" method=\"get\">");
        if (!sidecars.captionsOnly()) {
            b.append("<label>Tag <input name=\"tag\" value=\"").append(esc(tag)).append("\"></label>");
        }
        b.append("<label class=\"inline\"><input type=\"checkbox\" name=\"missing\" value=\"caption\"")
                .append(missing ? " checked" : "").append("> missing caption</label>")
                .append(verdictSelect(verdict, report)).append("<button>Filter</button></form>");
        if (!sidecars.captionsOnly()) {
            b.append("<form class=\"bulk\" method=\"post\" action=\"/datasets/").append(esc(root)).append("/bulk\">")
                    .append(csrfField(csrf)).append("<label>Tag <input name=\"find\" required></label><label>Replace")
                    .append(" with (empty removes) <input name=\"replace\"></label><button").append(off)
                    .append(">Apply to all images</button>")
                    .append("</form>");
        }
        b.append(jobForms(root, csrf, sidecars, off));
        if ("check".equals(ctx.queryParam("view"))) {
            b.append(report.html(root, verdict, dataset.scanNotes())).append("</section>");
            ctx.html(Html.page("Check report " + root, csrf, "/datasets", b.toString()));
            return;
        }
        if (!sidecars.captionsOnly()) {
            b.append(chart(root, Dataset.frequencies(all)));
        }
        b.append(KEYS).append("<div class=\"gallery\">");
        shown.forEach(i -> b.append(card(root, i, sidecars.captionsOnly(), readOnly, null)));
        b.append("</div></section>");
        ctx.html(Html.page("Dataset " + root, csrf, "/datasets", b.toString(), "/static/datasets.js"));
    }

    /** The keys of the gallery's caption boxes (datasets.js), said on the page. */
    static final String KEYS = "<p class=\"keys\" id=\"gallery-keys\"><kbd>Ctrl</kbd>+<kbd>Enter</kbd> (<kbd>⌘</kbd>"
            + "+<kbd>Enter</kbd>) saves the card, <kbd>Enter</kbd> in a tags box too; <kbd>Alt</kbd>+<kbd>↓</kbd> and"
            + " <kbd>Alt</kbd>+<kbd>↑</kbd> go to the next and previous card's caption. Leaving the page with unsaved"
            + " cards asks first.</p>";

    /** Where this folder's captions and tags are, and how to change it. */
    private static String sidecarsLine(String root, DatasetSidecars sidecars) {
        String where = sidecars.captionsOnly()
                ? "Captions in NAME" + sidecars.captionExtension() + " (taggui, OneTrainer, ai-toolkit); no tag files."
                : "Captions in NAME" + sidecars.captionExtension() + ", tags in NAME" + sidecars.tagsExtension() + ".";
        String change = sidecars.captionsOnly() ? "--tags-extension " + root + "=.tags gives the tags a file of"
                + " their own" : "--caption-extension " + root + "=.txt reads a taggui dataset, whose NAME.txt is"
                + " the caption";
        return "<p class=\"sidecars\" id=\"sidecars\">" + esc(where) + " <small>(tagline serve " + esc(change)
                + ")</small></p>";
    }

    /** The job forms; {@code off} (" disabled" on a read-only folder) turns off those that would write in it. */
    private static String jobForms(String root, String csrf, DatasetSidecars sidecars, String off) {
        StringBuilder b = new StringBuilder("<div class=\"jobs-start\"><form method=\"post\" action=\"/jobs/")
                .append(esc(root)).append("/thumbnails\">").append(csrfField(csrf))
                .append("<button id=\"render-thumbnails\">Render all thumbnails (background job)</button></form>")
                .append("<form method=\"post\" action=\"/jobs/").append(esc(root)).append("/check\">")
                .append(csrfField(csrf)).append("<label class=\"inline\"><input type=\"checkbox\" name=\"quarantine\"")
                .append(off).append(">")
                .append(" move bad files to ").append(esc(JobKinds.QUARANTINE)).append("</label>")
                .append("<button id=\"start-check\">Check folder (background job)</button></form>");
        if (sidecars.captionsOnly()) {
            b.append("<p class=\"muted\">No tagging here: tags would go to the ").append(esc(sidecars.tagsExtension()))
                    .append(" files that hold the captions.</p>");
        } else {
            b.append("<form method=\"post\" action=\"/jobs/").append(esc(root)).append("/tag\">")
                    .append(csrfField(csrf)).append("<label>Tagger <input name=\"tagger\" value=\"quality\" size=\"18\">")
                    .append("</label><label>Existing tags <select name=\"existing\"><option>skip</option>")
                    .append("<option>overwrite</option><option>append</option></select></label>")
                    .append("<button id=\"start-tag\"").append(off)
                    .append(">Tag folder (background job)</button></form>");
        }
        return b.append("<form method=\"post\" action=\"/jobs/").append(esc(root)).append("/caption\">")
                .append(csrfField(csrf)).append("<label>Captioner <input name=\"captioner\" value=\"")
                .append(Captioners.FLORENCE).append("-base-ft\" size=\"18\"></label><label>Endpoint (openai:MODEL)")
                .append(" <input name=\"endpoint\" placeholder=\"http://127.0.0.1:11434/v1\" size=\"24\"></label>")
                .append("<label>Existing captions <select name=\"existing\"><option>skip</option>")
                .append("<option>overwrite</option></select></label>")
                .append("<button id=\"start-caption\"").append(off)
                .append(">Caption folder (background job)</button></form>")
                .append("<a href=\"/datasets/").append(esc(root)).append("?view=check\">Check report</a></div>")
                .toString();
    }

    /**
     * The switcher between the media roots: each folder that holds dataset images is a link; one that holds none (only
     * clips or videos) is named greyed, "no images", and not offered as a dataset.
     */
    private String roots(String current, java.util.Set<String> datasets) {
        StringBuilder b = new StringBuilder("<nav class=\"roots\" aria-label=\"Media folders\">Media folders:");
        for (String name : new java.util.TreeSet<>(web.settings().mediaRoots().keySet())) {
            if (!datasets.contains(name)) {
                b.append(" <span class=\"no-dataset\"").append(name.equals(current) ? " aria-current=\"page\"" : "")
                        .append(" title=\"no dataset images in this folder\">").append(esc(name))
                        .append(" (no images)</span>");
                continue;
            }
            b.append(" <a href=\"/datasets/").append(esc(URLEncoder.encode(name, StandardCharsets.UTF_8))).append('"')
                    .append(name.equals(current) ? " aria-current=\"page\"" : "").append('>').append(esc(name))
                    .append("</a>");
        }
        return b.append("</nav>").toString();
    }

    private static String csrfField(String csrf) {
        return "<input type=\"hidden\" name=\"_csrf\" value=\"" + esc(csrf) + "\">";
    }

    private static String verdictSelect(String selected, CheckReportView report) {
        StringBuilder b = new StringBuilder("<label>Verdict <select name=\"verdict\"><option value=\"\">any</option>");
        java.util.Set<String> options = new java.util.TreeSet<>(report.counts().keySet());
        options.add("unchecked");
        for (String v : options) {
            b.append("<option").append(v.equals(selected) ? " selected" : "").append(" value=\"").append(esc(v)).append("\">")
                    .append(esc(v)).append("</option>");
        }
        return b.append("</select></label>").toString();
    }

    private static String chart(String root, Map<String, Integer> counts) {
        StringBuilder b = new StringBuilder("<details class=\"chart\" open><summary>Tag frequency (top 25)</summary><ol>");
        int max = counts.values().stream().findFirst().orElse(1);
        counts.entrySet().stream().limit(25).forEach(e -> b.append("<li><a href=\"/datasets/").append(esc(root))
                .append("?tag=").append(esc(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))).append("\">")
                .append(esc(e.getKey())).append("</a><span class=\"bar\" style=\"width:")
                .append(Math.max(1, e.getValue() * 100 / max)).append("%\"></span><span>").append(e.getValue())
                .append("</span></li>"));
        return b.append("</ol></details>").toString();
    }

    /**
     * One image's card: caption box and, unless the folder keeps only captions, a tags box (a textarea that grows with
     * its tags, datasets.js); Save posts through htmx and gets the card back. A read-only folder's card can be read
     * and copied from, not edited or saved.
     */
    static String card(String root, Dataset.Item i, boolean captionsOnly, boolean readOnly, String message) {
        String ro = readOnly ? " readonly" : "";
        String path = URLEncoder.encode(i.path(), StandardCharsets.UTF_8);
        return "<article class=\"image\"><img loading=\"lazy\" alt=\"" + esc(i.path()) + "\" src=\""
                + esc(UrlPaths.of("/thumbs", root, i.path())) + "\"><form class=\"card\" hx-post=\"/datasets/"
                + esc(root) + "/save?path=" + esc(path) + "\" hx-target=\"closest article\" hx-swap=\"outerHTML\">"
                + "<p class=\"name\">" + esc(i.path()) + "</p>"
                + (message == null ? "" : "<p class=\"notice\" role=\"status\">" + esc(message) + "</p>")
                + "<textarea name=\"caption\"" + ro + " rows=\"3\" placeholder=\"no caption\" aria-label=\"Caption of "
                + esc(i.path()) + "\">" + esc(i.caption()) + "</textarea>"
                + (captionsOnly ? "" : "<textarea name=\"tags\"" + ro + " class=\"tags\" rows=\"1\""
                + " placeholder=\"no tags\""
                + " aria-label=\"Tags of " + esc(i.path()) + "\">" + esc(String.join(", ", i.tags())) + "</textarea>")
                + "<button" + (readOnly ? " disabled" : "") + ">Save</button></form></article>";
    }

    private void save(Context ctx) throws IOException {
        String root = ctx.pathParam("root");
        Path image = MediaRoutes.resolve(web.settings().mediaRoots(), root, ctx.queryParam("path"));
        if (!Dataset.isImage(image)) {
            throw new NotFoundResponse("Not an image: " + ctx.queryParam("path"));
        }
        if (!dataset(root).holds(image)) {
            throw new NotFoundResponse("Not an image of the dataset: " + ctx.queryParam("path") + " is in a rendered"
                    + " clip's folder (review clips on /clips) or in a folder that 'tagline check --quarantine' set"
                    + " aside (move it back into the dataset to edit it)");
        }
        List<String> tags = Arrays.stream(String.valueOf(ctx.formParam("tags")).split("[,\\n]"))
                .map(String::strip).filter(t -> !t.isEmpty() && !t.equals("null")).distinct().toList();
        Dataset dataset = dataset(root);
        Dataset.Item item = dataset.save(image, ctx.formParam("caption"), tags);
        ctx.html(card(root, item, dataset.sidecars().captionsOnly(), false, "Saved."));
    }

    private void bulk(Context ctx) throws IOException {
        String root = ctx.pathParam("root");
        String find = ctx.formParam("find");
        if (find == null || find.isBlank()) {
            throw new dev.tagline.core.TaglineException("No tag to find", "Type the tag to replace or remove.");
        }
        int changed = dataset(root).replaceTag(find, ctx.formParam("replace"));
        ctx.redirect("/datasets/" + URLEncoder.encode(root, StandardCharsets.UTF_8) + "?changed=" + changed);
    }

    private void thumb(Context ctx) throws IOException {
        Path image = MediaRoutes.resolve(web.settings().mediaRoots(), ctx.pathParam("root"), ctx.pathParam("path"));
        Path thumb = Dataset.isImage(image) ? thumbnails.of(image) : null;
        if (thumb == null) {
            throw new NotFoundResponse("No thumbnail for " + ctx.pathParam("path") + " (not a decodable image)");
        }
        ctx.header("Cache-Control", "private, max-age=86400");
        ctx.contentType("image/jpeg").result(Files.readAllBytes(thumb));
    }
}
