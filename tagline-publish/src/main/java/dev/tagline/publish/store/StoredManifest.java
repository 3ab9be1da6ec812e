package dev.tagline.publish.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagline.core.manifest.ClipManifest;

/**
 * Reads a media row's {@code manifest_json}: the clip details stored when the clip was queued. A row this build cannot
 * read throws {@link UnreadableClipException} with a short reason, so one such row marks its own posts broken instead
 * of failing every reader.
 */
final class StoredManifest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REASON_MAX = 100;

    private StoredManifest() {
    }

    static ClipManifest read(long mediaId, String json) {
        JsonNode node;
        try {
            node = json == null ? null : JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UnreadableClipException(mediaId, "not valid JSON (cut short?)");
        }
        if (node == null || !node.isObject()) {
            throw new UnreadableClipException(mediaId, "not a JSON object");
        }
        if (node.has("version") && node.path("version").asInt(-1) != ClipManifest.VERSION) {
            throw new UnreadableClipException(mediaId, "clip manifest version " + node.get("version")
                    + ", this build reads version " + ClipManifest.VERSION + " (written by a newer tagline?)");
        }
        for (String field : new String[] {"id", "video"}) {
            if (!node.path(field).isTextual() || node.path(field).asText().isBlank()) {
                throw new UnreadableClipException(mediaId, "\"" + field + "\" is missing");
            }
        }
        try {
            return JSON.treeToValue(node, ClipManifest.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            String line = why == null ? e.getClass().getSimpleName() : why.lines().findFirst().orElse(why);
            throw new UnreadableClipException(mediaId, line.length() > REASON_MAX
                    ? line.substring(0, REASON_MAX - 1) + "…" : line);
        }
    }
}
