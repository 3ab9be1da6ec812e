package dev.tagline.web;

import static dev.tagline.web.Html.esc;

import dev.tagline.images.caption.Captioners;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * HTML for the dataset page ({@link DatasetRoutes}): the folder switcher, where the sidecars are, the filter, bulk
 * and job forms, the tag chart and a card per image (also the answer to a card's Save).
 */
final class DatasetHtml {
    private DatasetHtml() {
    }

    /** The keys of the gallery's caption boxes (datasets.js), said on the page. */
    static final String KEYS = "<p class=\"keys\" id=\"gallery-keys\"><kbd>Ctrl</kbd>+<kbd>Enter</kbd> (<kbd>⌘</kbd>"
            + "+<kbd>Enter</kbd>) saves the card, <kbd>Enter</kbd> in a tags box too; <kbd>Alt</kbd>+<kbd>↓</kbd> and"
            + " <kbd>Alt</kbd>+<kbd>↑</kbd> go to the next and previous card's caption. Leaving the page with unsaved"
            + " cards asks first.</p>";

    /** Where this folder's captions and tags are, and how to change it. */
    static String sidecarsLine(String root, DatasetSidecars sidecars) {
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
    static String jobForms(String root, String csrf, DatasetSidecars sidecars, String off) {
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
     * clips or videos) is named greyed, "no images", and not offered as a dataset. {@code all}: every media folder's name.
     */
    static String roots(String current, Set<String> all, Set<String> datasets) {
        StringBuilder b = new StringBuilder("<nav class=\"roots\" aria-label=\"Media folders\">Media folders:");
        for (String name : new TreeSet<>(all)) {
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

    static String csrfField(String csrf) {
        return "<input type=\"hidden\" name=\"_csrf\" value=\"" + esc(csrf) + "\">";
    }

    static String verdictSelect(String selected, CheckReportView report) {
        StringBuilder b = new StringBuilder("<label>Verdict <select name=\"verdict\"><option value=\"\">any</option>");
        Set<String> options = new TreeSet<>(report.counts().keySet());
        options.add("unchecked");
        for (String v : options) {
            b.append("<option").append(v.equals(selected) ? " selected" : "").append(" value=\"").append(esc(v)).append("\">")
                    .append(esc(v)).append("</option>");
        }
        return b.append("</select></label>").toString();
    }

    static String chart(String root, Map<String, Integer> counts) {
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
        return card(root, i, captionsOnly, readOnly, null, message);
    }

    /**
     * As above; {@code blocked}: the sub-folder (or sidecar file) of a writable dataset that keeps this image's
     * sidecars from being written ({@link Dataset#unwritable}), or null. Such a card says "read-only: viewing only" and
     * cannot be edited, while the rest of the dataset can.
     */
    static String card(String root, Dataset.Item i, boolean captionsOnly, boolean readOnly, Path blocked,
                       String message) {
        readOnly = readOnly || blocked != null;
        String ro = readOnly ? " readonly" : "";
        String path = URLEncoder.encode(i.path(), StandardCharsets.UTF_8);
        return "<article class=\"image\"><img loading=\"lazy\" alt=\"" + esc(i.path()) + "\" src=\""
                + esc(UrlPaths.of("/thumbs", root, i.path())) + "\"><form class=\"card\" hx-post=\"/datasets/"
                + esc(root) + "/save?path=" + esc(path) + "\" hx-target=\"closest article\" hx-swap=\"outerHTML\">"
                + "<p class=\"name\">" + esc(i.path()) + "</p>"
                + (message == null ? "" : "<p class=\"notice\" role=\"status\">" + esc(message) + "</p>")
                + (blocked == null ? "" : "<p class=\"read-only\" role=\"note\"><strong>read-only</strong>: viewing"
                + " only (Tagline cannot write to " + esc(blocked.toString()) + ")</p>")
                + "<textarea name=\"caption\"" + ro + " rows=\"3\" placeholder=\"no caption\" aria-label=\"Caption of "
                + esc(i.path()) + "\">" + esc(i.caption()) + "</textarea>"
                + (captionsOnly ? "" : "<textarea name=\"tags\"" + ro + " class=\"tags\" rows=\"1\""
                + " placeholder=\"no tags\""
                + " aria-label=\"Tags of " + esc(i.path()) + "\">" + esc(String.join(", ", i.tags())) + "</textarea>")
                + "<button" + (readOnly ? " disabled" : "") + ">Save</button></form></article>";
    }

    /** The line a folder Tagline cannot write to gets above its cards. */
    static String readOnlyLine(Path folder) {
        return "<p class=\"read-only\" id=\"read-only\" role=\"note\"><strong>read-only</strong>: viewing only"
                + " (Tagline cannot write to " + esc(folder.toString()) + ")</p>";
    }

    /**
     * The line a writable dataset gets above its cards when some of its {@code folders} (keys below the root) cannot
     * be written: their cards are read-only, the rest can be edited.
     */
    static String readOnlyFoldersLine(Path root, List<String> folders) {
        return "<p class=\"read-only\" id=\"read-only-folders\" role=\"note\"><strong>read-only</strong>: viewing only"
                + " in " + esc(String.join(", ", folders)) + " (Tagline cannot write to " + (folders.size() == 1
                ? esc(root.resolve(folders.get(0)).toString()) : "these folders of " + esc(root.toString()))
                + "); the rest of the dataset can be edited.</p>";
    }

    /** The filter form: tag (unless the folder keeps only captions), missing caption, check verdict. */
    static String filters(DatasetSidecars sidecars, String tag, boolean missing, String verdict,
                          CheckReportView report) {
        StringBuilder b = new StringBuilder("<form class=\"filters\" method=\"get\">");
        if (!sidecars.captionsOnly()) {
            b.append("<label>Tag <input name=\"tag\" value=\"").append(esc(tag)).append("\"></label>");
        }
        return b.append("<label class=\"inline\"><input type=\"checkbox\" name=\"missing\" value=\"caption\"")
                .append(missing ? " checked" : "").append("> missing caption</label>")
                .append(verdictSelect(verdict, report)).append("<button>Filter</button></form>").toString();
    }

    /** Replace or remove a tag across the folder; {@code off} as in {@link #jobForms}. */
    static String bulkForm(String root, String csrf, String off) {
        return "<form class=\"bulk\" method=\"post\" action=\"/datasets/" + esc(root) + "/bulk\">"
                + csrfField(csrf) + "<label>Tag <input name=\"find\" required></label><label>Replace"
                + " with (empty removes) <input name=\"replace\"></label><button" + off
                + ">Apply to all images</button>"
                + "</form>";
    }

    /** A folder without images; {@code anyDataset}: some other media folder holds dataset images. */
    static String noImages(String root, boolean anyDataset) {
        return "<p class=\"empty\" id=\"no-images\">No images in " + esc(root) + ". Rendered clips"
                + " (folders with clip.json) are not a dataset: review them on <a href=\"/clips\">Clips</a>."
                + (anyDataset ? "" : " No media folder holds dataset images: give one with tagline serve"
                + " --media NAME=FOLDER (a folder of images, with or without captions).")
                + "</p>";
    }
}
