package dev.tagline.images.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tagline.images.load.LoadResult;
import dev.tagline.images.load.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of {@code check.jsonl} and of the journal: the file (relative, {@code /}-separated), its verdict and why,
 * the conversions, format, size, bytes and SHA-256.
 */
public record CheckRecord(String file, Verdict verdict, String detail, List<String> conversions, String format,
                          int width, int height, long bytes, String sha256) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public CheckRecord {
        conversions = List.copyOf(conversions);
    }

    static CheckRecord of(String key, LoadResult r) {
        return new CheckRecord(key, r.verdict(), r.detail(), r.conversions(),
                r.format() == null ? "" : r.format().readerName(), r.width(), r.height(), r.bytes(), r.sha256());
    }

    /** For a duplicate, the key of the file whose bytes it repeats; otherwise null. */
    String duplicateOf() {
        return verdict == Verdict.DUPLICATE && detail.startsWith(CheckJob.DUPLICATE_OF)
                ? detail.substring(CheckJob.DUPLICATE_OF.length()) : null;
    }

    ObjectNode toNode() {
        ObjectNode n = JSON.createObjectNode().put("file", file).put("verdict", verdict.label());
        if (!detail.isEmpty()) {
            n.put("detail", detail);
        }
        if (!conversions.isEmpty()) {
            conversions.forEach(n.putArray("conversions")::add);
        }
        if (!format.isEmpty()) {
            n.put("format", format);
        }
        if (width > 0) {
            n.put("width", width).put("height", height);
        }
        return n.put("bytes", bytes).put("sha256", sha256);
    }

    public String toJson() {
        return toNode().toString();
    }

    public static CheckRecord fromJson(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            List<String> conversions = new ArrayList<>();
            n.path("conversions").forEach(c -> conversions.add(c.asText()));
            return new CheckRecord(n.path("file").asText(), Verdict.fromLabel(n.path("verdict").asText()),
                    n.path("detail").asText(""), conversions, n.path("format").asText(""), n.path("width").asInt(),
                    n.path("height").asInt(), n.path("bytes").asLong(), n.path("sha256").asText(""));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("unreadable check record: " + json, e);
        }
    }
}
