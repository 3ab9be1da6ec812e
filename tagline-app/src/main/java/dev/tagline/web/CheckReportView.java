package dev.tagline.web;

import static dev.tagline.web.Html.esc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagline.core.TaglineException;
import dev.tagline.core.batch.StateFolders;
import dev.tagline.images.check.LastCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The last {@code check} report of a dataset ({@link LastCheck#find}, written by the check job and by
 * {@code tagline check}): what each file was judged and what was done with it (quarantined, left alone…), for the
 * verdict filter and the report view of the dataset page. Files checked by an earlier run and moved away since are
 * not counted with the verdicts, as {@code check} prints its table.
 */
final class CheckReportView {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One file's line of the report; {@code warned}: it would share a sidecar with another image. */
    record Line(String file, String verdict, String detail, String action, boolean warned) {
    }

    private final List<Line> lines;
    /** When the report was written; null when there is none. */
    private final Instant written;
    /** Whether a check journal is in the folder (an earlier {@code tagline check} that wrote no report). */
    private final boolean journal;

    private CheckReportView(List<Line> lines, Instant written, boolean journal) {
        this.lines = lines;
        this.written = written;
        this.journal = journal;
    }

    /** Whether the line is one of the verdict counts: not a file moved away since it was checked. */
    private static boolean counted(Line l) {
        return LastCheck.notCounted(l.action(), 1) == null;
    }

    /**
     * The report of {@code dir}, empty when the folder has not been checked; a read-only dataset's is in its folder
     * of {@code fallback} ({@code $TAGLINE_HOME/state/journals}), where {@code check} keeps it
     * ({@link LastCheck#find}).
     */
    static CheckReportView of(Path dir, Path fallback) {
        Path file = LastCheck.find(dir, fallback);
        if (!Files.isRegularFile(file)) {
            return new CheckReportView(List.of(), null, hasJournal(StateFolders.own(dir))
                    || fallback != null && hasJournal(StateFolders.fallback(fallback, dir)));
        }
        Instant written;
        List<Line> lines = new ArrayList<>();
        try {
            written = Files.getLastModifiedTime(file).toInstant();
            for (String text : Files.readAllLines(file)) {
                if (text.isBlank()) {
                    continue;
                }
                JsonNode n = JSON.readTree(text);
                // a converted file's why is its conversions ("transparency composited on #FFFFFF"), not a detail
                List<String> conversions = new ArrayList<>();
                n.path("conversions").forEach(c -> conversions.add(c.asText()));
                String detail = n.path("detail").asText("");
                String why = detail.isEmpty() ? String.join("; ", conversions) : detail;
                String warning = n.path("warning").asText("");
                lines.add(new Line(n.path("file").asText(), n.path("verdict").asText(), why.isEmpty() ? warning
                        : warning.isEmpty() ? why : why + "; " + warning, n.path("action").asText("none"),
                        !warning.isEmpty()));
            }
        } catch (IOException e) {
            throw new TaglineException("Cannot read the check report " + file + ": " + e.getMessage(),
                    "Run the check again from the dataset page.", e);
        }
        return new CheckReportView(lines, written, true);
    }

    private static boolean hasJournal(Path state) {
        if (!Files.isDirectory(state)) {
            return false;
        }
        try (var journals = Files.newDirectoryStream(state, "check-*.journal")) {
            return journals.iterator().hasNext();
        } catch (IOException e) {
            return false; // only the wording of "not checked yet" depends on it
        }
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    /** File (relative, '/'-separated) to verdict label, for the files in the folder. */
    Map<String, String> verdicts() {
        Map<String, String> out = new LinkedHashMap<>();
        lines.stream().filter(CheckReportView::counted).forEach(l -> out.put(l.file(), l.verdict()));
        return out;
    }

    /** Verdict to files, as {@code check}'s table counts them: not the files moved away since they were checked. */
    Map<String, Integer> counts() {
        Map<String, Integer> out = new TreeMap<>();
        lines.stream().filter(CheckReportView::counted).forEach(l -> out.merge(l.verdict(), 1, Integer::sum));
        return out;
    }

    /** The sentences about files not counted ("6 files were set aside by an earlier run's --quarantine …"). */
    private List<String> notCounted() {
        Map<String, Long> actions = new TreeMap<>();
        lines.stream().filter(l -> !counted(l)).forEach(l -> actions.merge(l.action(), 1L, Long::sum));
        List<String> out = new ArrayList<>();
        actions.forEach((action, n) -> out.add(LastCheck.notCounted(action, n)));
        return out;
    }

    /**
     * The report: counts and total as {@code check} prints them, then a table, only {@code verdict} when given; files
     * acted on or warned about first, files moved away since they were checked last; {@code scanNotes} (the folder's
     * kohya and mask notes, {@link Dataset#scanNotes}) above it all.
     */
    String html(String root, String verdict, List<String> scanNotes) {
        StringBuilder b = new StringBuilder("<section class=\"check-report\"><h2>Check report</h2>");
        if (!scanNotes.isEmpty()) { // the notes check, its job and the CLI end with, about the folder as it is now
            b.append("<ul class=\"scan-notes\" id=\"scan-notes\">");
            scanNotes.forEach(note -> b.append("<li>").append(esc(note)).append("</li>"));
            b.append("</ul>");
        }
        if (written == null) {
            return b.append("<p class=\"empty\">").append(journal ? "This folder was checked by an earlier"
                    + " <code>tagline check</code> that kept no report: start a check above to see it (with the same"
                    + " settings it resumes from that run's journal and decodes nothing again)."
                    : "Not checked yet: start a check above.").append("</p></section>").toString();
        }
        b.append("<p class=\"written\">Last check (by <code>tagline check</code> or this page): ")
                .append(esc(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(written.atZone(ZoneId.systemDefault())
                        .toLocalDateTime().truncatedTo(ChronoUnit.SECONDS)))).append("</p><p class=\"counts\">");
        Map<String, Integer> counts = counts();
        counts.forEach((v, n) -> b.append("<a href=\"/datasets/").append(esc(root)).append("?view=check&amp;verdict=")
                .append(esc(v)).append("\">").append(esc(v)).append(": ").append(n).append("</a> "));
        b.append("total: ").append(counts.values().stream().mapToInt(Integer::intValue).sum()).append("</p>");
        notCounted().forEach(sentence -> b.append("<p class=\"not-counted\">").append(esc(sentence)).append("</p>"));
        long warned = lines.stream().filter(Line::warned).count();
        if (warned > 0) {
            b.append("<p class=\"warnings\">").append(esc(LastCheck.sharedSidecars(warned))).append("</p>");
        }
        b.append("<table><thead><tr><th>File</th><th>Verdict</th><th>Why</th><th>Action</th></tr></thead><tbody>");
        lines.stream().filter(l -> verdict.isEmpty() || counted(l) && l.verdict().equals(verdict))
                .sorted(java.util.Comparator.comparing((Line l) -> !counted(l))
                        .thenComparing(l -> "none".equals(l.action()) && !l.warned()))
                .forEach(l -> b.append("<tr class=\"verdict-").append(esc(l.verdict())).append("\"><td>").append(esc(l.file()))
                        .append("</td><td>").append(esc(l.verdict())).append("</td><td>").append(esc(l.detail()))
                        .append("</td><td>").append(esc(l.action())).append("</td></tr>"));
        return b.append("</tbody></table></section>").toString();
    }
}
