package dev.tagline.web;

import static dev.tagline.web.Html.esc;

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
 * background jobs (thumbnails, check) and the last check's report ({@code ?view=check}). The page's pieces of HTML
 * are {@link DatasetHtml}'s.
 */
final class DatasetRoutes {
    static final int PAGE = 200;
    private final WebContext web;
    private final Thumbnails thumbnails;
    /** Where a read-only dataset's last check report is ({@code $TAGLINE_HOME/state/journals}). */
    private final Path stateFallback;
    /** Which media folders hold images, for the switcher and the folder the tab opens on; not walked on every load. */
    private final ImageFolders imageFolders;

    DatasetRoutes(WebContext web, Thumbnails thumbnails, Path stateFallback) {
        this.web = web;
        this.thumbnails = thumbnails;
        this.stateFallback = stateFallback;
        this.imageFolders = new ImageFolders(web.clock());
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
        return names.stream().filter(this::hasImages).findFirst().orElse(names.first());
    }

    /** The names of the media folders that hold dataset images, in name order. */
    private java.util.Set<String> withImages() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        web.settings().mediaRoots().keySet().stream().filter(this::hasImages).forEach(out::add);
        return out;
    }

    private boolean hasImages(String root) {
        return imageFolders.holdsImages(web.settings().mediaRoots().get(root));
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
        imageFolders.found(web.settings().mediaRoots().get(root), !all.isEmpty());
        String tag = ctx.queryParam("tag") == null ? "" : ctx.queryParam("tag").strip();
        boolean missing = "caption".equals(ctx.queryParam("missing"));
        String verdict = ctx.queryParam("verdict") == null ? "" : ctx.queryParam("verdict").strip();
        CheckReportView report = CheckReportView.of(web.settings().mediaRoots().get(root), stateFallback);
        List<Dataset.Item> shown = shown(all, tag, missing, verdict, report.verdicts());
        String csrf = Guard.session(ctx).csrf();
        StringBuilder b = new StringBuilder("<section class=\"dataset\"><h1>Dataset ").append(esc(root))
                .append(" <small>").append(all.size()).append(" images</small></h1>");
        java.util.Set<String> datasets = withImages();
        b.append(DatasetHtml.roots(root, web.settings().mediaRoots().keySet(), datasets));
        if (all.isEmpty()) {
            b.append(DatasetHtml.noImages(root, !datasets.isEmpty())).append("</section>");
            ctx.html(Html.page("Dataset " + root, csrf, "/datasets", b.toString()));
            return;
        }
        b.append(DatasetHtml.sidecarsLine(root, sidecars));
        boolean readOnly = dataset.readOnly();
        if (readOnly) {
            b.append(DatasetHtml.readOnlyLine(web.settings().mediaRoots().get(root)));
        } else {
            List<String> readOnlyFolders = Dataset.readOnlyFolders(web.settings().mediaRoots().get(root), all);
            if (!readOnlyFolders.isEmpty()) {
                b.append(DatasetHtml.readOnlyFoldersLine(web.settings().mediaRoots().get(root), readOnlyFolders));
            }
        }
        String off = readOnly ? " disabled" : "";
        if (ctx.queryParam("changed") != null) {
            String readOnlyLeft = Dataset.readOnlyLine(ctx.queryParams("kept"));
            b.append("<p class=\"notice\" role=\"status\">Changed ").append(esc(ctx.queryParam("changed")))
                    .append(" tag file(s).").append(readOnlyLeft.isEmpty() ? "" : " " + esc(readOnlyLeft))
                    .append("</p>");
        }
        b.append(DatasetHtml.filters(sidecars, tag, missing, verdict, report));
        if (!sidecars.captionsOnly()) {
            b.append(DatasetHtml.bulkForm(root, csrf, off));
        }
        b.append(DatasetHtml.jobForms(root, csrf, sidecars, off));
        if ("check".equals(ctx.queryParam("view"))) {
            b.append(report.html(root, verdict, dataset.scanNotes(report.verdicts()))).append("</section>");
            ctx.html(Html.page("Check report " + root, csrf, "/datasets", b.toString()));
            return;
        }
        if (!sidecars.captionsOnly()) {
            b.append(DatasetHtml.chart(root, Dataset.frequencies(all)));
        }
        b.append(DatasetHtml.KEYS).append("<div class=\"gallery\">");
        shown.forEach(i -> b.append(DatasetHtml.card(root, i, sidecars.captionsOnly(), readOnly,
                readOnly ? null : dataset.unwritable(i.path()), null)));
        b.append("</div></section>");
        ctx.html(Html.page("Dataset " + root, csrf, "/datasets", b.toString(), "/static/datasets.js"));
    }

    /** The first {@link #PAGE} images that pass the filters: tag, missing caption, check verdict. */
    private static List<Dataset.Item> shown(List<Dataset.Item> all, String tag, boolean missing, String verdict,
                                            Map<String, String> verdicts) {
        return all.stream().filter(i -> tag.isEmpty() || i.tags().stream().anyMatch(tag::equalsIgnoreCase))
                .filter(i -> !missing || i.caption().isEmpty())
                .filter(i -> verdict.isEmpty() || verdict.equals(verdicts.getOrDefault(i.path(), "unchecked")))
                .limit(PAGE).toList();
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
        ctx.html(DatasetHtml.card(root, item, dataset.sidecars().captionsOnly(), false, "Saved."));
    }

    private void bulk(Context ctx) throws IOException {
        String root = ctx.pathParam("root");
        String find = ctx.formParam("find");
        if (find == null || find.isBlank()) {
            throw new dev.tagline.core.TaglineException("No tag to find", "Type the tag to replace or remove.");
        }
        Dataset.Replaced replaced = dataset(root).replaceTag(find, ctx.formParam("replace"));
        StringBuilder to = new StringBuilder("/datasets/").append(URLEncoder.encode(root, StandardCharsets.UTF_8))
                .append("?changed=").append(replaced.changed());
        replaced.readOnly().forEach((what, n) -> to.append("&kept=")
                .append(URLEncoder.encode(what + "=" + n, StandardCharsets.UTF_8)));
        ctx.redirect(to.toString());
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
