package dev.tagline.web;

import static dev.tagline.web.Html.esc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagline.core.TaglineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The last {@code check} report of a dataset ({@link JobKinds#CHECK_REPORT}): what each file was judged and what was
 * done with it (quarantined, left alone…), for the verdict filter and the report view of the dataset page.
 */
final class CheckReportView {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One file's line of the report. */
    record Line(String file, String verdict, String detail, String action) {
    }

    private final List<Line> lines;

    private CheckReportView(List<Line> lines) {
        this.lines = lines;
    }

    /** The report of {@code dir}, empty when the folder has not been checked. */
    static CheckReportView of(Path dir) {
        Path file = dir.resolve(JobKinds.CHECK_REPORT);
        if (!Files.isRegularFile(file)) {
            return new CheckReportView(List.of());
        }
        List<Line> lines = new ArrayList<>();
        try {
            for (String text : Files.readAllLines(file)) {
                if (text.isBlank()) {
                    continue;
                }
                JsonNode n = JSON.readTree(text);
                // a converted file's why is its conversions ("transparency composited on #FFFFFF"), not a detail
                List<String> conversions = new ArrayList<>();
                n.path("conversions").forEach(c -> conversions.add(c.asText()));
                String detail = n.path("detail").asText("");
                lines.add(new Line(n.path("file").asText(), n.path("verdict").asText(), detail.isEmpty()
                        ? String.join("; ", conversions) : detail, n.path("action").asText("none")));
            }
        } catch (IOException e) {
            throw new TaglineException("Cannot read the check report " + file + ": " + e.getMessage(),
                    "Run the check again from the dataset page.", e);
        }
        return new CheckReportView(lines);
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    /** File (relative, '/'-separated) to verdict label. */
    Map<String, String> verdicts() {
        Map<String, String> out = new LinkedHashMap<>();
        lines.forEach(l -> out.put(l.file(), l.verdict()));
        return out;
    }

    Map<String, Integer> counts() {
        Map<String, Integer> out = new TreeMap<>();
        lines.forEach(l -> out.merge(l.verdict(), 1, Integer::sum));
        return out;
    }

    /** The report as a table, only {@code verdict} when given; files set aside first. */
    String html(String root, String verdict) {
        StringBuilder b = new StringBuilder("<section class=\"check-report\"><h2>Check report</h2>");
        if (lines.isEmpty()) {
            return b.append("<p class=\"empty\">Not checked yet: start a check above.</p></section>").toString();
        }
        b.append("<p class=\"counts\">");
        counts().forEach((v, n) -> b.append("<a href=\"/datasets/").append(esc(root)).append("?view=check&amp;verdict=")
                .append(esc(v)).append("\">").append(esc(v)).append(": ").append(n).append("</a> "));
        b.append("</p><table><thead><tr><th>File</th><th>Verdict</th><th>Why</th><th>Action</th></tr></thead><tbody>");
        lines.stream().filter(l -> verdict.isEmpty() || l.verdict().equals(verdict))
                .sorted((x, y) -> Boolean.compare("none".equals(x.action()), "none".equals(y.action())))
                .forEach(l -> b.append("<tr class=\"verdict-").append(esc(l.verdict())).append("\"><td>").append(esc(l.file()))
                        .append("</td><td>").append(esc(l.verdict())).append("</td><td>").append(esc(l.detail()))
                        .append("</td><td>").append(esc(l.action())).append("</td></tr>"));
        return b.append("</tbody></table></section>").toString();
    }
}
